import type { Middleware } from 'koa';
import { OptimisticLockError } from '@mikro-orm/core';
import type { Logger } from 'pino';
import { HttpError } from './errors.js';

/** The one place errors become responses: 4xx with Vietnamese text for users, English in the log. */
export function errorMiddleware(log: Logger): Middleware {
  return async (ctx, next) => {
    try {
      await next();
      if (ctx.path.startsWith('/api/') && ctx.status === 404 && ctx.body === undefined) {
        throw new HttpError(404, 'NOT_FOUND', 'Không tìm thấy địa chỉ yêu cầu', `No route ${ctx.method} ${ctx.path}`);
      }
      if (ctx.path.startsWith('/api/') && (ctx.status === 405 || ctx.status === 501)) {
        throw new HttpError(ctx.status, 'METHOD_NOT_ALLOWED', `Địa chỉ này không hỗ trợ phương thức ${ctx.method}`, `${ctx.method} not allowed on ${ctx.path}`);
      }
    } catch (err) {
      const error = toHttpError(err);
      if (error.status >= 500) log.error({ err, method: ctx.method, path: ctx.path }, 'request failed');
      else log.info({ status: error.status, code: error.code, field: error.field, method: ctx.method, path: ctx.path }, error.message);
      ctx.status = error.status;
      ctx.body = { error: { code: error.code, message: error.messageVi, field: error.field, details: error.details } };
    }
  };
}

function toHttpError(err: unknown): HttpError {
  if (err instanceof HttpError) return err;
  if (err instanceof OptimisticLockError) {
    return new HttpError(409, 'CONFLICT', 'Hồ sơ vừa được người khác cập nhật, vui lòng tải lại', 'Concurrent update detected');
  }
  const e = err as { status?: number; type?: string; code?: string; message?: string };
  if (e?.status === 400 && (e.type === 'entity.parse.failed' || err instanceof SyntaxError)) {
    return new HttpError(400, 'MALFORMED_JSON', 'Dữ liệu gửi lên không phải JSON hợp lệ', `Malformed JSON body: ${e.message}`, 'body');
  }
  if (e?.status === 413) return new HttpError(413, 'TOO_LARGE', 'Dữ liệu gửi lên quá lớn', 'Request body too large', 'body');
  if (e?.status === 415) return new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Định dạng dữ liệu không được hỗ trợ', 'Unsupported media type', 'body');
  if (e?.code === '40001' || e?.code === '40P01') {
    return new HttpError(409, 'CONFLICT', 'Có thao tác đồng thời trên cùng hồ sơ, vui lòng thử lại', 'Serialization failure or deadlock');
  }
  return new HttpError(500, 'INTERNAL', 'Lỗi hệ thống, vui lòng thử lại sau', e?.message ?? 'Unknown error');
}
