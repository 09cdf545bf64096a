import { defineStore } from 'pinia';
import { ref } from 'vue';
import { api, asApiError, type ApiError } from '../api/client';
import type { ProcedureView } from '../api/types';

/** Lower case without diacritics, so "dang ky khai sinh" finds "Đăng ký khai sinh". */
export function foldVietnamese(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
}

export const useProceduresStore = defineStore('procedures', () => {
  const list = ref<ProcedureView[]>([]);
  const loaded = ref(false);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);

  async function load(): Promise<void> {
    if (loaded.value || loading.value) return;
    loading.value = true;
    error.value = null;
    try {
      list.value = await api.get<ProcedureView[]>('/api/procedures');
      loaded.value = true;
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      loading.value = false;
    }
  }

  function search(term: string): ProcedureView[] {
    const needle = foldVietnamese(term.trim());
    if (!needle) return list.value;
    return list.value.filter((p) => foldVietnamese(`${p.code} ${p.name}`).includes(needle));
  }

  return { list, loading, error, load, search };
});
