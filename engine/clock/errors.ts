/**
 * `ClockRuleError` — the events (or the limit) break a rule of the dossier clock.
 *
 * Thrown, never returned: a clock that cannot be computed must not produce a verdict. The API
 * shows `messageVi` to officers and `message` in logs; `eventIndex` points at the offending event
 * (`null` when the fault is in the input itself — the limit, the rule set, an empty event list).
 */
export type ClockRuleCode =
  | 'no_receipt'
  | 'event_before_receipt'
  | 'duplicate_receipt'
  | 'events_out_of_order'
  | 'event_after_close'
  | 'unknown_event_type'
  | 'unknown_unit'
  | 'invalid_limit'
  | 'invalid_time'
  | 'unknown_rule_set'
  | 'step_not_entered'
  | 'supplement_already_requested'
  | 'supplement_not_requested'
  | 'second_supplement_request'
  | 'payment_already_requested'
  | 'payment_not_requested'
  | 'second_apology'
  | 'apology_too_late'
  | 'apology_not_later';

export class ClockRuleError extends Error {
  override name = 'ClockRuleError';
  readonly code: ClockRuleCode;
  readonly messageVi: string;
  /** Index in `input.events`; `null` when the fault is not in an event. */
  readonly eventIndex: number | null;

  constructor(code: ClockRuleCode, message: string, messageVi: string, eventIndex: number | null) {
    super(eventIndex === null ? message : `events[${eventIndex}]: ${message}`);
    this.code = code;
    this.messageVi = eventIndex === null ? messageVi : `Sự kiện thứ ${eventIndex + 1}: ${messageVi}`;
    this.eventIndex = eventIndex;
  }
}
