// The HTTP contract lives in api/contract as zod schemas; only their types are taken, so zod stays out of the bundle.
export type { ApiError as ApiErrorBody, Role } from '../../../api/contract/common.js';
export type { LoginResponse, UserView } from '../../../api/contract/auth.js';
export type { ProcedureView } from '../../../api/contract/procedures.js';
export type { DossierView, ReceiveRequest, TaskView } from '../../../api/contract/dossiers.js';
export type { CompleteRequest, InboxItem, InboxPage } from '../../../api/contract/tasks.js';
