import { ApiError } from '../api/client';
import { useAuthStore } from '../stores/auth';
import type {
  DesignerOptions, DraftView, ImportResult, Problem, ProcessSummary, PublishResult, ValidationResult, VersionView,
} from '../../../api/contract/designer.js';

export type { DesignerOptions, DraftView, ImportResult, Problem, ProcessSummary, PublishResult, ValidationResult, VersionView };

/** A refused call of the designer API; a 422 on publication carries every problem of the model. */
export class DesignerApiError extends ApiError {
  problems: Problem[] = [];
}

async function call<T>(method: string, path: string, body?: unknown, accept = 'application/json'): Promise<T> {
  const auth = useAuthStore();
  const headers: Record<string, string> = { accept };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new DesignerApiError(0, 'network', '');
  }
  if (res.status === 401 && headers.authorization) auth.clear();
  if (!res.ok) {
    let parsed: { error?: { code: string; message: string; field?: string; details?: Array<{ field: string; message: string }> }; problems?: Problem[] } = {};
    try {
      parsed = await res.json();
    } catch {
      // not JSON
    }
    const e = parsed.error;
    const error = new DesignerApiError(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', e?.field, e?.details ?? []);
    error.problems = parsed.problems ?? [];
    throw error;
  }
  if (accept !== 'application/json') return (await res.text()) as T;
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const base = (processId: string) => `/api/designer/processes/${encodeURIComponent(processId)}`;

export const designerApi = {
  options: () => call<DesignerOptions>('GET', '/api/designer/options'),
  processes: () => call<ProcessSummary[]>('GET', '/api/designer/processes'),
  draft: (processId: string) => call<DraftView>('GET', `${base(processId)}/draft`),
  save: (processId: string, xml: string, version: number | null) => call<DraftView>('PUT', `${base(processId)}/draft`, { xml, version }),
  discard: (processId: string, version: number) => call<void>('DELETE', `${base(processId)}/draft?version=${version}`),
  import: (processId: string, xml: string, version: number | null) => call<ImportResult>('POST', `${base(processId)}/import`, { xml, version }),
  validate: (processId: string, xml?: string) => call<ValidationResult>('POST', `${base(processId)}/validate`, xml === undefined ? {} : { xml }),
  publish: (processId: string, draftVersion: number, replaceNewer = false) =>
    call<PublishResult>('POST', `${base(processId)}/publish`, { draftVersion, replaceNewer }),
  versions: (processId: string) => call<VersionView[]>('GET', `${base(processId)}/versions`),
  versionXml: (processId: string, version: number) => call<string>('GET', `${base(processId)}/versions/${version}/xml`, undefined, 'application/xml'),
  republish: (processId: string, version: number, latestVersion?: number) =>
    call<PublishResult>('POST', `${base(processId)}/versions/${version}/republish`, latestVersion === undefined ? {} : { latestVersion }),
};
