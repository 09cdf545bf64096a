/** A model that cannot be published: the designer gets both languages and, when known, where. */
export class DefinitionError extends Error {
  override name = 'DefinitionError';
  readonly messageVi: string;
  readonly elementId?: string;
  /** 1-based position in the XML, for parse errors. */
  readonly line?: number;
  readonly column?: number;

  constructor(message: string, messageVi: string, where: { elementId?: string; line?: number; column?: number } = {}) {
    super(message);
    this.messageVi = messageVi;
    this.elementId = where.elementId;
    this.line = where.line;
    this.column = where.column;
  }
}

/** `completeTask` named an execution that is not a waiting user task (already completed, cancelled, or unknown). */
export class TaskNotWaitingError extends Error {
  override name = 'TaskNotWaitingError';
  constructor(readonly executionId: string) {
    super(`No user task is waiting with execution id ${executionId}`);
  }
}

/** `fireTimer` named a timer that is not pending (already fired, or cancelled with its activity). */
export class TimerNotPendingError extends Error {
  override name = 'TimerNotPendingError';
  constructor(readonly executionId: string) {
    super(`No timer is pending with execution id ${executionId}`);
  }
}

/** The engine stopped with an error, e.g. no outgoing flow of a gateway matched or a condition threw. */
export class ProcessRunError extends Error {
  override name = 'ProcessRunError';
  constructor(
    message: string,
    readonly elementId?: string,
  ) {
    super(message);
  }
}
