/**
 * An error meant for the caller: HTTP status, a stable code, a Vietnamese message for the end user,
 * an English message for the logs, and the field or BPMN element at fault.
 */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    messageEn: string,
    readonly field?: string,
    readonly details?: Array<{ field: string; message: string }>,
  ) {
    super(messageEn);
  }
}

export const badRequest = (code: string, vi: string, en: string, field?: string) => new HttpError(400, code, vi, en, field);
export const unauthorized = () => new HttpError(401, 'UNAUTHENTICATED', 'Vui lòng đăng nhập', 'Authentication required');
export const forbidden = (vi: string, en: string) => new HttpError(403, 'FORBIDDEN', vi, en);
export const notFound = (vi: string, en: string, field?: string) => new HttpError(404, 'NOT_FOUND', vi, en, field);
export const conflict = (code: string, vi: string, en: string) => new HttpError(409, code, vi, en);
