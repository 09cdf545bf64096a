import {
  DesignerOptions, DraftImportRequest, DraftSaveRequest, DraftView, ImportResult, Problem, ProcessSummary, PublishRequest, PublishResult,
  RepublishRequest, ValidateRequest, ValidationResult, VersionView,
} from '../contract/designer.js';

/** The process designer part of the OpenAPI document (merged in api/openapi/document.ts). */
export const designerSchemas = {
  DesignerOptions, DraftSaveRequest, DraftImportRequest, DraftView, ImportResult, Problem, ProcessSummary, PublishRequest, PublishResult,
  RepublishRequest, ValidateRequest, ValidationResult, VersionView,
};

const ref = (name: keyof typeof designerSchemas) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: keyof typeof designerSchemas) => ({ content: { 'application/json': { schema: ref(name) } } });
const list = (name: keyof typeof designerSchemas) => ({ content: { 'application/json': { schema: { type: 'array', items: ref(name) } } } });
const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } });
const bpmn = { description: 'BPMN 2.0 XML (Content-Disposition: attachment)', content: { 'application/xml': {} } };
const secured = [{ bearer: [] }];
const processId = { name: 'processId', in: 'path', required: true, schema: { type: 'string' }, description: 'e.g. birth_registration' };
const version = { name: 'version', in: 'path', required: true, schema: { type: 'integer' } };
const common = { 401: error('Chưa đăng nhập'), 403: error('Chỉ dành cho vai trò thiết kế quy trình'), 404: error('Không tìm thấy quy trình') };
const rejected = {
  description: 'Mô hình còn lỗi: chưa ban hành. Body: ApiError + `problems` (every problem, warnings included)',
  content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/ApiError' }, { type: 'object', properties: { problems: { type: 'array', items: ref('Problem') } } }] } } },
};

export const designerPaths = {
  '/api/designer/options': { get: { summary: 'Lựa chọn cho bảng thuộc tính (nhóm xử lý, cơ quan, đơn vị thời hạn)', security: secured,
    responses: { 200: json('DesignerOptions'), 401: common[401], 403: common[403] } } },
  '/api/designer/processes': { get: { summary: 'Các quy trình: phiên bản mới nhất và bản nháp', security: secured,
    responses: { 200: list('ProcessSummary'), 401: common[401], 403: common[403] } } },
  '/api/designer/processes/{processId}/draft': {
    get: { summary: 'Bản nháp (hoặc phiên bản mới nhất khi chưa có nháp, version = null)', security: secured, parameters: [processId],
      responses: { 200: json('DraftView'), ...common } },
    put: { summary: 'Lưu bản nháp (version = phiên bản nháp đã tải; null khi chưa có nháp)', security: secured, parameters: [processId],
      requestBody: json('DraftSaveRequest'),
      responses: { 200: json('DraftView'), 400: error('XML hỏng (dòng, cột), có DOCTYPE/ENTITY, hoặc dữ liệu sai'), 409: error('Bản nháp đã thay đổi (STALE_DRAFT)'),
        413: error('Tệp BPMN lớn hơn 2 MB'), ...common } },
    delete: { summary: 'Huỷ bản nháp', security: secured,
      parameters: [processId, { name: 'version', in: 'query', required: true, schema: { type: 'integer' } }],
      responses: { 204: { description: 'discarded' }, 409: error('Bản nháp đã thay đổi'), ...common } },
  },
  '/api/designer/processes/{processId}/draft/xml': { get: { summary: 'Tải xuống bản nháp (.bpmn)', security: secured, parameters: [processId],
    responses: { 200: bpmn, ...common } } },
  '/api/designer/processes/{processId}/import': { post: {
    summary: 'Nhập tệp .bpmn vào bản nháp; camunda:candidateGroups/formKey/dueDate và zeebe: chuyển sang mc:', security: secured,
    parameters: [processId], requestBody: json('DraftImportRequest'),
    responses: { 200: json('ImportResult'), 400: error('XML không hợp lệ'), 409: error('Bản nháp đã thay đổi'), ...common } } },
  '/api/designer/processes/{processId}/validate': { post: {
    summary: 'Kiểm tra mô hình (xml trong yêu cầu, không có thì bản nháp, không có nháp thì phiên bản mới nhất)', security: secured,
    parameters: [processId], requestBody: json('ValidateRequest'), responses: { 200: json('ValidationResult'), ...common } } },
  '/api/designer/processes/{processId}/publish': { post: {
    summary: 'Ban hành bản nháp thành phiên bản mới (không được khi còn lỗi)', security: secured, parameters: [processId],
    requestBody: json('PublishRequest'),
    responses: { 201: json('PublishResult'), 409: error('STALE_DRAFT | NEWER_VERSION | UNCHANGED'), 422: rejected, ...common } } },
  '/api/designer/processes/{processId}/versions': { get: { summary: 'Các phiên bản đã ban hành (ai, khi nào, mã băm, số hồ sơ)', security: secured,
    parameters: [processId], responses: { 200: list('VersionView'), ...common } } },
  '/api/designer/processes/{processId}/versions/{version}/xml': { get: { summary: 'Tải xuống một phiên bản (.bpmn)', security: secured,
    parameters: [processId, version], responses: { 200: bpmn, ...common } } },
  '/api/designer/processes/{processId}/versions/{version}/republish': { post: {
    summary: 'Khôi phục: ban hành lại nội dung của một phiên bản cũ thành phiên bản mới', security: secured, parameters: [processId, version],
    requestBody: json('RepublishRequest'),
    responses: { 201: json('PublishResult'), 409: error('NEWER_VERSION | UNCHANGED'), 422: rejected, ...common } } },
};
