import { z } from 'zod';
import { ApiError } from '../contract/common.js';
import { LoginRequest, LoginResponse, UserView } from '../contract/auth.js';
import { ProcedureView } from '../contract/procedures.js';
import { DossierView, PublicApplicantView, PublicDossierView, PublicVerifyRequest, ReceiveRequest, TaskView } from '../contract/dossiers.js';
import { CompleteRequest, InboxPage } from '../contract/tasks.js';
import { CalendarDayView, CalendarOverrideRequest, CalendarOverrideView, LunarDateView } from '../contract/calendar.js';
import { noticePaths, noticeSchemas } from '../notices/openapi.js';
import { designerPaths, designerSchemas } from '../designer/openapi.js';

const schemas = { ApiError, LoginRequest, LoginResponse, UserView, ProcedureView, ReceiveRequest, DossierView, TaskView, PublicDossierView, PublicVerifyRequest, PublicApplicantView, CompleteRequest, InboxPage, CalendarDayView, LunarDateView, CalendarOverrideRequest, CalendarOverrideView, ...noticeSchemas, ...designerSchemas };

const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof schemas) => ({ content: { 'application/json': { schema: ref(name) } } });
const errors = {
  400: { description: 'Dữ liệu không hợp lệ (names the field)', ...json('ApiError') },
  401: { description: 'Chưa đăng nhập', ...json('ApiError') },
  403: { description: 'Không có quyền', ...json('ApiError') },
  404: { description: 'Không tìm thấy', ...json('ApiError') },
  409: { description: 'Xung đột trạng thái', ...json('ApiError') },
  429: { description: 'Quá nhiều yêu cầu (header Retry-After: seconds)', headers: { 'Retry-After': { schema: { type: 'integer' } } }, ...json('ApiError') },
};
const secured = [{ bearer: [] }];
const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const publicCode = { name: 'code', in: 'path', required: true, description: 'Mã hồ sơ, e.g. 000.31.01.H99-260115-0001 (trimmed, upper-cased; 400 when malformed)', schema: { type: 'string', pattern: '^[0-9A-Za-z.]{1,40}-\\d{6}-\\d{4,6}$' } };
const query = (name: string, description: string) => ({ name, in: 'query', required: true, schema: { type: 'string', format: 'date' }, description });

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'MotCua API', version: '0.1.0', description: 'Hệ thống một cửa điện tử — API cho cán bộ và tra cứu công khai' },
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
      schemas: Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' })])),
    },
    paths: {
      ...noticePaths,
      ...designerPaths,
      '/api/health': { get: { summary: 'Database reachability', responses: { 200: { description: 'ok' }, 503: { description: 'database down' } } } },
      '/api/auth/login': { post: { summary: 'Đăng nhập', requestBody: json('LoginRequest'), responses: { 200: { description: 'token', ...json('LoginResponse') }, 400: errors[400], 401: errors[401] } } },
      '/api/auth/logout': { post: { summary: 'Đăng xuất', security: secured, responses: { 204: { description: 'done' }, 401: errors[401] } } },
      '/api/me': { get: { summary: 'Người dùng hiện tại', security: secured, responses: { 200: json('UserView'), 401: errors[401] } } },
      '/api/procedures': { get: { summary: 'Danh mục thủ tục', security: secured, responses: { 200: { description: 'list', content: { 'application/json': { schema: { type: 'array', items: ref('ProcedureView') } } } } } } },
      '/api/procedures/{code}': { get: { summary: 'Một thủ tục', security: secured, parameters: [pathId('code')], responses: { 200: json('ProcedureView'), 404: errors[404] } } },
      '/api/definitions/{id}/xml': { get: { summary: 'BPMN XML of a published version', security: secured, parameters: [pathId('id')], responses: { 200: { description: 'BPMN 2.0 XML', content: { 'application/xml': {} } }, 404: errors[404] } } },
      '/api/dossiers': { post: {
        summary: 'Tiếp nhận hồ sơ', security: secured, requestBody: json('ReceiveRequest'),
        parameters: [{ name: 'Idempotency-Key', in: 'header', required: false, schema: { type: 'string' }, description: 'Repeat-safe receipt: the same key returns the same dossier' }],
        responses: { 201: json('DossierView'), ...errors } } },
      '/api/dossiers/{code}': { get: { summary: 'Chi tiết hồ sơ', security: secured, parameters: [pathId('code')], responses: { 200: json('DossierView'), 403: errors[403], 404: errors[404] } } },
      '/api/tasks': { get: {
        summary: 'Hộp công việc', security: secured,
        parameters: ['scope', 'page', 'pageSize', 'procedureCode', 'q'].map((name) => ({ name, in: 'query', required: false, schema: { type: 'string' } })),
        responses: { 200: json('InboxPage'), 400: errors[400] } } },
      '/api/tasks/{id}/claim': { post: { summary: 'Nhận xử lý', security: secured, parameters: [pathId('id')], responses: { 200: json('TaskView'), 403: errors[403], 404: errors[404], 409: errors[409] } } },
      '/api/tasks/{id}/unclaim': { post: { summary: 'Trả lại nhóm', security: secured, parameters: [pathId('id')], responses: { 200: json('TaskView'), 409: errors[409] } } },
      '/api/tasks/{id}/complete': { post: { summary: 'Hoàn thành bước', security: secured, parameters: [pathId('id')], requestBody: json('CompleteRequest'), responses: { 200: json('DossierView'), ...errors } } },
      '/api/calendar/days': {
        get: {
          summary: 'Lịch làm việc: từng ngày from–to (tối đa 400 ngày) như khi tính hạn', security: secured,
          parameters: [query('from', 'YYYY-MM-DD, included'), query('to', 'YYYY-MM-DD, included; at most 400 days after from')],
          responses: { 200: { description: 'days', content: { 'application/json': { schema: { type: 'array', items: ref('CalendarDayView') } } } }, 400: errors[400], 401: errors[401] } },
        post: {
          summary: 'Nhập điều chỉnh lịch của năm (quản trị): ngày nghỉ, ngày làm bù, trả lại ngày làm việc — kèm căn cứ', security: secured,
          requestBody: json('CalendarOverrideRequest'),
          responses: { 201: { description: 'created; this node uses it at once, others within the refresh interval', ...json('CalendarOverrideView') }, ...errors } },
      },
      '/api/calendar/days/{date}': { delete: {
        summary: 'Xoá điều chỉnh lịch của một ngày (quản trị)', security: secured, parameters: [pathId('date')],
        responses: { 204: { description: 'deleted' }, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] } } },
      '/api/calendar/overrides': { get: {
        summary: 'Các điều chỉnh lịch do quản trị viên nhập (quản trị)', security: secured,
        parameters: [{ name: 'year', in: 'query', required: false, schema: { type: 'integer' }, description: 'Only this year; all rows when absent' }],
        responses: { 200: { description: 'rows by date', content: { 'application/json': { schema: { type: 'array', items: ref('CalendarOverrideView') } } } }, 400: errors[400], 401: errors[401], 403: errors[403] } } },
      '/api/calendar/lunar': { get: {
        summary: 'Đổi ngày dương sang âm lịch Việt Nam (UTC+7)', security: secured, parameters: [query('date', 'YYYY-MM-DD, years 1800–2199')],
        responses: { 200: json('LunarDateView'), 400: errors[400], 401: errors[401] } } },
      '/api/public/dossiers/{code}': { get: {
        summary: 'Tra cứu công khai (không có dữ liệu cá nhân)',
        description: 'No login. 200 for every well-formed code, known or not, with the same keys: `found` is false and every other field empty for an unknown code (no 404 to tell them apart; one SQL statement either way). Never applicant data or officers. Rate-limited per client IP and per code (shared by all nodes); 429 with Retry-After.',
        parameters: [publicCode],
        responses: { 200: json('PublicDossierView'), 400: errors[400], 429: errors[429] } } },
      '/api/public/dossiers/{code}/verify': { post: {
        summary: 'Xác minh người nộp bằng 4 số cuối điện thoại hoặc CCCD',
        description: 'Unlocks the masked applicant name ("Nguyễn V. A.") and nothing else. The digits go in the body, never the URL. A wrong proof and an unknown code give the same 200 `{ verified: false, applicant: null }`. Wrong proofs are limited per client IP and per code (a right one does not count); 429 with Retry-After.',
        parameters: [publicCode], requestBody: json('PublicVerifyRequest'),
        responses: { 200: json('PublicApplicantView'), 400: errors[400], 429: errors[429] } } },
    },
  };
}
