import { vi } from 'vitest';

/** The one network fake of the web tests: `fetch` answered by a handler with real Response objects. */
export function stubFetch(handler: (url: string, init: RequestInit) => Response | Promise<Response>) {
  const fetch = vi.fn(async (url: string, init: RequestInit) => handler(url, init));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
