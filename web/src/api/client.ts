import { useAuthStore } from '../stores/auth';
import type { ApiErrorBody } from './types';

export interface FieldMessage {
  field: string;
  message: string;
}

/** A failed call. `message` is the API's Vietnamese text (empty when the server said nothing usable). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details: FieldMessage[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Messages keyed by input path (e.g. `applicant.idNumber`), from `field` and `details[]`. */
  get fieldMessages(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const d of this.details) byField[d.field] ??= d.message;
    if (this.field) byField[this.field] ??= this.message;
    return byField;
  }
}

/** Whatever a call threw, as an ApiError (a bug surfaces with its own message rather than being lost). */
export function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, 'unexpected', e instanceof Error ? e.message : String(e));
}

export type Query = Record<string, string | number | undefined>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function toApiError(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as Partial<ApiErrorBody>;
    const e = body.error;
    if (e && typeof e.message === 'string') return new ApiError(res.status, e.code, e.message, e.field, e.details ?? []);
  } catch {
    // not JSON (e.g. a proxy error page): fall through to a bare error
  }
  return new ApiError(res.status, `http_${res.status}`, '');
}

async function send(method: string, path: string, body: unknown, accept: string, extra: Record<string, string> = {}): Promise<Response> {
  const auth = useAuthStore();
  const headers: Record<string, string> = { accept, ...extra };
  if (auth.token) headers.authorization = `Bearer ${auth.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';

  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', '');
  }
  // A rejected token ends the session; a 401 on the login call itself is just a wrong password.
  if (res.status === 401 && headers.authorization) auth.clear();
  if (!res.ok) throw await toApiError(res);
  return res;
}

async function json<T>(res: Response): Promise<T> {
  const text = await res.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export const api = {
  get: async <T>(path: string, query?: Query): Promise<T> =>
    json<T>(await send('GET', withQuery(path, query), undefined, 'application/json')),
  post: async <T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<T> =>
    json<T>(await send('POST', path, body, 'application/json', headers)),
  text: async (path: string): Promise<string> => (await send('GET', path, undefined, 'application/xml')).text(),
};
