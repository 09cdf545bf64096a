import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, asApiError, type ApiError } from '../api/client';
import type { InboxItem, InboxPage } from '../api/types';

export type InboxScope = 'mine' | 'groups';

export const useInboxStore = defineStore('inbox', () => {
  const scope = ref<InboxScope>('mine');
  const page = ref(1);
  const pageSize = ref(20);
  const items = ref<InboxItem[]>([]);
  const hasMore = ref(false);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  // Only the latest request may write the list, so fast tab or page switches cannot show stale rows.
  let latest = 0;

  async function load(target = page.value): Promise<void> {
    const request = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const res = await api.get<InboxPage>('/api/tasks', { scope: scope.value, page: target, pageSize: pageSize.value });
      if (request !== latest) return;
      items.value = res.items;
      page.value = res.page;
      hasMore.value = res.hasMore;
    } catch (e) {
      if (request === latest) error.value = asApiError(e);
    } finally {
      if (request === latest) loading.value = false;
    }
  }

  async function setScope(next: InboxScope): Promise<void> {
    if (next === scope.value) return;
    scope.value = next;
    items.value = [];
    hasMore.value = false;
    await load(1);
  }

  async function nextPage(): Promise<void> {
    if (hasMore.value) await load(page.value + 1);
  }

  async function prevPage(): Promise<void> {
    if (page.value > 1) await load(page.value - 1);
  }

  /** Claims a group task, then refreshes: the claimed row leaves this list. */
  async function claim(taskId: number): Promise<void> {
    await api.post(`/api/tasks/${taskId}/claim`);
    await load();
    if (items.value.length === 0 && page.value > 1) await load(page.value - 1);
  }

  return { scope, page, pageSize, items, hasMore, loading, error, load, setScope, nextPage, prevPage, claim };
});
