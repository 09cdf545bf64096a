import type { Middleware } from 'koa';
import { HttpError } from './errors.js';

const MAX_DEPTH = 20;
// NUL, and UTF-16 halves without their partner: PostgreSQL cannot store either in text or jsonb.
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Rejects, before any handler runs, input that PostgreSQL would refuse half-way through a write:
 * NUL bytes and lone surrogates anywhere in the path, query or JSON body, and bodies nested
 * deeper than MAX_DEPTH. Writes with a body that is not JSON get 415 instead of being ignored.
 */
export const safeInput: Middleware = async (ctx, next) => {
  if (!ctx.path.startsWith('/api/')) return next();
  if (['POST', 'PUT', 'PATCH'].includes(ctx.method) && ctx.request.length && !ctx.is('application/json')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Dữ liệu phải gửi dưới dạng JSON (Content-Type: application/json)',
      `Unsupported content type ${ctx.get('content-type') || '(none)'}`, 'body');
  }
  let path: string;
  try {
    path = decodeURIComponent(ctx.path);
  } catch {
    throw bad('path', 'Invalid percent-encoding in path');
  }
  if (UNSAFE.test(path)) throw bad('path', 'Unsafe characters in path');
  for (const [key, value] of Object.entries(ctx.query)) check(value, key, 1);
  check(ctx.request.body, 'body', 0);
  await next();
};

function check(value: unknown, field: string, depth: number): void {
  if (depth > MAX_DEPTH) {
    throw new HttpError(400, 'TOO_DEEP', 'Dữ liệu lồng nhau quá nhiều cấp', `Input nested deeper than ${MAX_DEPTH} at ${field}`, field);
  }
  if (typeof value === 'string') {
    if (UNSAFE.test(value)) throw bad(field, `Unsafe characters in ${field}`);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => check(v, `${field}.${i}`, depth + 1));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (UNSAFE.test(k)) throw bad(field, `Unsafe characters in a key of ${field}`);
      check(v, field === 'body' ? k : `${field}.${k}`, depth + 1);
    }
  }
}

const bad = (field: string, en: string) =>
  new HttpError(400, 'UNSAFE_TEXT', 'Dữ liệu chứa ký tự không hợp lệ (ký tự rỗng hoặc mã hóa hỏng)', en, field);
