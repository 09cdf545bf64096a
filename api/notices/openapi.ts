import { NoticePage, NoticeView } from './contract.js';

/** The notice administration part of the OpenAPI document (merged in api/openapi/document.ts). */
export const noticeSchemas = { NoticeView, NoticePage };

const json = (name: keyof typeof noticeSchemas) => ({ content: { 'application/json': { schema: { $ref: `#/components/schemas/${name}` } } } });
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });
const query = (name: string, description: string, schema: Record<string, unknown> = { type: 'string' }) => ({ name, in: 'query', required: false, schema, description });

export const noticePaths = {
  '/api/admin/notices': { get: {
    summary: 'Thông báo gửi công dân (quản trị): lọc theo trạng thái, ví dụ state=dead', security: [{ bearer: [] }],
    parameters: [
      query('state', 'pending | sending | sent | failed | dead', { type: 'string', enum: ['pending', 'sending', 'sent', 'failed', 'dead'] }),
      query('channel', 'email | sms | zalo', { type: 'string', enum: ['email', 'sms', 'zalo'] }),
      query('kind', 'received | result_returned | refused | finished_early'),
      query('dossier', 'Mã hồ sơ'),
      query('before', 'Con trỏ trang: `next` của trang trước', { type: 'integer' }),
      query('limit', '1–200, mặc định 50', { type: 'integer' }),
    ],
    responses: { 200: json('NoticePage'), 400: error('Dữ liệu không hợp lệ'), 401: error('Chưa đăng nhập'), 403: error('Không có quyền') } } },
  '/api/admin/notices/{id}/resend': { post: {
    summary: 'Gửi lại thông báo đã thất bại (dead/failed) với cùng khoá chống trùng (quản trị)', security: [{ bearer: [] }],
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
    responses: {
      200: { description: 'queued again (state pending)', ...json('NoticeView') }, 400: error('Dữ liệu không hợp lệ'),
      401: error('Chưa đăng nhập'), 403: error('Không có quyền'), 404: error('Không tìm thấy'), 409: error('Thông báo đã gửi hoặc đang chờ gửi'),
    } } },
};
