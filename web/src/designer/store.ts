import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import {
  DesignerApiError, designerApi,
  type DesignerOptions, type DraftView, type Problem, type ProcessSummary, type PublishResult, type VersionView,
} from './api';

export type DesignerBusy = 'load' | 'save' | 'validate' | 'publish' | 'import' | 'republish' | 'discard';

function asDesignerError(e: unknown): DesignerApiError {
  return e instanceof DesignerApiError ? e : new DesignerApiError(0, 'unexpected', e instanceof Error ? e.message : String(e));
}

/**
 * The process designer's state: the processes, and the one open in the editor with its draft,
 * versions and last validation. The bpmn-js modeler itself lives in the editor view (lazy chunk);
 * the store deals in XML strings.
 */
export const useDesignerStore = defineStore('designer', () => {
  const processes = ref<ProcessSummary[]>([]);
  const options = ref<DesignerOptions | null>(null);
  const processId = ref<string | null>(null);
  const draft = ref<DraftView | null>(null);
  const versions = ref<VersionView[]>([]);
  const problems = ref<Problem[]>([]);
  /** Whether `problems` come from a check of the content as it is now. */
  const checked = ref(false);
  const notes = ref<string[]>([]);
  const error = ref<DesignerApiError | null>(null);
  const busy = ref<DesignerBusy | null>(null);
  /** The last success, as a message key with its parameters (the view translates it). */
  const done = ref<{ key: string; params?: Record<string, unknown> } | null>(null);

  const current = computed(() => processes.value.find((p) => p.processId === processId.value) ?? null);
  const errors = computed(() => problems.value.filter((p) => p.severity === 'error'));
  const warnings = computed(() => problems.value.filter((p) => p.severity === 'warning'));
  const latestVersion = computed(() => versions.value[0]?.version ?? null);

  async function run<T>(what: DesignerBusy, work: () => Promise<T>): Promise<T | undefined> {
    busy.value = what;
    error.value = null;
    done.value = null;
    try {
      return await work();
    } catch (e) {
      error.value = asDesignerError(e);
      return undefined;
    } finally {
      busy.value = null;
    }
  }

  async function loadProcesses(): Promise<void> {
    await run('load', async () => {
      processes.value = await designerApi.processes();
    });
  }

  async function open(id: string): Promise<boolean> {
    processId.value = id;
    draft.value = null;
    problems.value = [];
    checked.value = false;
    notes.value = [];
    const ok = await run('load', async () => {
      const [d, v, o, list] = await Promise.all([
        designerApi.draft(id), designerApi.versions(id), options.value ?? designerApi.options(), designerApi.processes(),
      ]);
      [draft.value, versions.value, options.value, processes.value] = [d, v, o, list];
      return true;
    });
    return ok === true;
  }

  /** Content changed in the editor: the last check no longer describes it. */
  function touched(): void {
    checked.value = false;
  }

  async function save(xml: string): Promise<boolean> {
    const id = processId.value!;
    const saved = await run('save', async () => {
      draft.value = await designerApi.save(id, xml, draft.value?.version ?? null);
      done.value = { key: 'designer.saved', params: { version: draft.value.version } };
      return true;
    });
    return saved === true;
  }

  async function validate(xml: string): Promise<void> {
    const id = processId.value!;
    await run('validate', async () => {
      const result = await designerApi.validate(id, xml);
      problems.value = result.problems;
      checked.value = true;
      done.value = { key: result.errors ? 'designer.checkedErrors' : 'designer.checkedOk', params: { errors: result.errors, warnings: result.warnings } };
    });
  }

  async function refresh(id: string): Promise<void> {
    [draft.value, versions.value, processes.value] = await Promise.all([designerApi.draft(id), designerApi.versions(id), designerApi.processes()]);
  }

  /**
   * Publishes the saved draft. `confirmReplace` is asked when a newer version was published after
   * the draft was started. Returns the result, or undefined (see `error`; a 422 fills `problems`).
   */
  async function publish(confirmReplace: (message: string) => boolean): Promise<PublishResult | undefined> {
    const id = processId.value!;
    const draftVersion = draft.value?.version;
    if (!draftVersion) return undefined;
    return run('publish', async () => {
      let result: PublishResult;
      try {
        result = await designerApi.publish(id, draftVersion);
      } catch (e) {
        const err = asDesignerError(e);
        if (err.code === 'NEWER_VERSION' && confirmReplace(err.message)) result = await designerApi.publish(id, draftVersion, true);
        else {
          if (err.status === 422) {
            problems.value = err.problems;
            checked.value = true;
          }
          throw err;
        }
      }
      problems.value = result.problems;
      await refresh(id);
      done.value = { key: 'designer.published', params: { version: result.version.version } };
      return result;
    });
  }

  async function republish(version: number): Promise<PublishResult | undefined> {
    const id = processId.value!;
    return run('republish', async () => {
      const result = await designerApi.republish(id, version, latestVersion.value ?? undefined);
      await refresh(id);
      done.value = { key: 'designer.republished', params: { from: version, version: result.version.version } };
      return result;
    });
  }

  async function importFile(xml: string): Promise<boolean> {
    const id = processId.value!;
    const ok = await run('import', async () => {
      const result = await designerApi.import(id, xml, draft.value?.source === 'draft' ? draft.value.version : null);
      draft.value = result.draft;
      notes.value = result.notes;
      checked.value = false;
      done.value = { key: 'designer.imported' };
      return true;
    });
    return ok === true;
  }

  async function discard(): Promise<boolean> {
    const id = processId.value!;
    const version = draft.value?.source === 'draft' ? draft.value.version : null;
    if (!version) return false;
    const ok = await run('discard', async () => {
      await designerApi.discard(id, version);
      await refresh(id);
      notes.value = [];
      done.value = { key: 'designer.discarded' };
      return true;
    });
    return ok === true;
  }

  function versionXml(version: number): Promise<string> {
    return designerApi.versionXml(processId.value!, version);
  }

  return {
    processes, options, processId, draft, versions, problems, checked, notes, error, busy, done,
    current, errors, warnings, latestVersion,
    loadProcesses, open, touched, save, validate, publish, republish, importFile, discard, versionXml,
  };
});
