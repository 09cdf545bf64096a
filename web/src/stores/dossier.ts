import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, asApiError, type ApiError } from '../api/client';
import type { CompleteRequest, DossierView, ReceiveRequest, TaskView } from '../api/types';
import { useAuthStore } from './auth';

export const useDossierStore = defineStore('dossier', () => {
  const current = ref<DossierView | null>(null);
  const loading = ref(false);
  const error = ref<ApiError | null>(null);
  const diagram = ref<{ definitionId: number; xml: string } | null>(null);
  const diagramError = ref<ApiError | null>(null);
  const busy = ref(false);

  const openTasks = computed(() => current.value?.tasks.filter((t) => t.state === 'open') ?? []);

  /** Open tasks the officer holds, or could claim: one of their roles is a candidate group, in their agency. */
  const actionableTasks = computed(() => {
    const user = useAuthStore().user;
    if (!user) return [];
    return openTasks.value.filter((t) =>
      t.assignee === null
        ? t.agencyCode === user.agency.code && t.candidateGroups.some((g) => (user.roles as string[]).includes(g))
        : t.assignee === user.username,
    );
  });

  /** Whether completing the task takes approve/reject, as the engine read it from the model. */
  function needsDecision(task: TaskView): boolean {
    return task.decisions.length > 0;
  }

  async function loadDiagram(definitionId: number): Promise<void> {
    if (diagram.value?.definitionId === definitionId) return;
    diagramError.value = null;
    try {
      diagram.value = { definitionId, xml: await api.text(`/api/definitions/${definitionId}/xml`) };
    } catch (e) {
      diagramError.value = asApiError(e);
    }
  }

  async function load(code: string): Promise<void> {
    loading.value = true;
    error.value = null;
    if (current.value?.code !== code) current.value = null;
    try {
      current.value = await api.get<DossierView>(`/api/dossiers/${encodeURIComponent(code)}`);
    } catch (e) {
      error.value = asApiError(e);
    } finally {
      loading.value = false;
    }
    if (current.value) await loadDiagram(current.value.definitionId);
  }

  async function run<T>(action: () => Promise<T>): Promise<T> {
    busy.value = true;
    error.value = null;
    try {
      return await action();
    } catch (e) {
      const err = asApiError(e);
      error.value = err;
      throw err;
    } finally {
      busy.value = false;
    }
  }

  function claim(task: TaskView): Promise<void> {
    return run(async () => {
      await api.post(`/api/tasks/${task.id}/claim`);
      if (current.value) current.value = await api.get<DossierView>(`/api/dossiers/${encodeURIComponent(current.value.code)}`);
    });
  }

  /** The API lets a candidate complete a group task without claiming it first. */
  function complete(task: TaskView, request: CompleteRequest): Promise<void> {
    return run(async () => {
      current.value = await api.post<DossierView>(`/api/tasks/${task.id}/complete`, request);
    });
  }

  /** `submissionKey` makes a retried submission (double click, lost response) return the same dossier. */
  async function receive(request: ReceiveRequest, submissionKey: string): Promise<DossierView> {
    const created = await api.post<DossierView>('/api/dossiers', request, { 'idempotency-key': submissionKey });
    current.value = created;
    return created;
  }

  return {
    current, loading, error, diagram, diagramError, busy, openTasks, actionableTasks,
    needsDecision, load, claim, complete, receive,
  };
});
