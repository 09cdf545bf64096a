export { ProcessRuntime } from './runtime/runtime.js';
export { DefinitionError, ProcessRunError, TaskNotWaitingError, TimerNotPendingError } from './runtime/errors.js';
export type * from './runtime/types.js';
