import { z } from 'zod';
import { ApiError } from '../contract/common.js';
import { LoginRequest, LoginResponse, UserView } from '../contract/auth.js';
import { ProcedureView } from '../contract/procedures.js';
import { DossierView, PublicDossierView, ReceiveRequest, TaskView } from '../contract/dossiers.js';
import { CompleteRequest, InboxPage } from '../contract/tasks.js';

const schemas = { ApiError, LoginRequest, LoginResponse, UserView, ProcedureView, ReceiveRequest, DossierView, TaskView, PublicDossierView, CompleteRequest, InboxPage };

const ref = (name: keyof typeof schemas) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof schemas) => ({ content: { 'application/json': { schema: ref(name) } } });
const errors = {
  400: { description: 'Dữ liệu không hợp lệ (names the field)', ...json('ApiError') },
  401: { description: 'Chưa đăng nhập', ...json('ApiError') },
  403: { description: 'Không có quyền', ...json('ApiError') },
  404: { description: 'Không tìm thấy', ...json('ApiError') },
  409: { description: 'Xung đột trạng thái', ...json('ApiError') },
};
const secured = [{ bearer: [] }];
const pathId = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });

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
      '/api/public/dossiers/{code}': { get: { summary: 'Tra cứu công khai (không có dữ liệu cá nhân)', parameters: [pathId('code')], responses: { 200: json('PublicDossierView'), 400: errors[400], 404: errors[404] } } },
    },
  };
}
