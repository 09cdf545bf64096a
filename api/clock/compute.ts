/**
 * The one way the API computes a clock — for a stored dossier (GET /api/dossiers/:code/clock, the
 * dossier view, the stored verdict fields, the recompute job) and for the what-if preview
 * (POST /api/clock/preview) alike: `ClockInput` → {@link dossierClock} → {@link clockView}.
 */
import { ClockRuleError, computeClock, VERDICT_LABELS_VI, type ClockInput, type ClockResult, type ClockTime } from '../../engine/clock/index.js';
import type { WorkingCalendar } from '../../engine/calendar/index.js';
import { HttpError } from '../http/errors.js';
import { toIso } from '../time.js';
import type { ClockSummary } from '../contract/dossiers.js';

export interface DossierClockOptions {
  /** Day-by-day explanation and summary (default true); off for stored fields and lists. */
  explain?: boolean;
}

/** Computes a clock on the calendar given (hold `services.calendar.get()` for one call). Throws ClockRuleError. */
export function dossierClock(calendar: WorkingCalendar, input: ClockInput, now: ClockTime, options: DossierClockOptions = {}): ClockResult {
  return computeClock(calendar, input, now, { explain: options.explain !== false });
}

/** JSON of a ClockResult as the API answers: every instant ISO-8601 with +07:00, verdicts with their Vietnamese words. */
export function clockView(result: ClockResult): Record<string, unknown> {
  const view = isoDates(result) as Record<string, unknown>;
  view.verdictLabel = VERDICT_LABELS_VI[result.verdict];
  return view;
}

/** The compact clock shown in the dossier view. */
export function clockSummary(result: ClockResult): ClockSummary {
  const iso = (d: Date | null) => (d ? toIso(d) : null);
  return {
    verdict: result.verdict,
    verdictLabel: VERDICT_LABELS_VI[result.verdict],
    state: result.state,
    ruleSet: result.ruleSet,
    dueAt: iso(result.appointment.due),
    appointmentAt: iso(result.appointment.current),
    originalAppointmentAt: toIso(result.appointment.original.due),
    finishedAt: iso(result.finishedAt),
    workingTime: {
      allowedMinutes: result.workingTime.allowedMinutes,
      usedMinutes: result.workingTime.usedMinutes,
      remainingMinutes: result.workingTime.remainingMinutes,
      overMinutes: result.workingTime.overMinutes,
      minutesPerDay: result.workingTime.minutesPerDay,
    },
    steps: result.steps.map((s) => ({
      stepId: s.stepId,
      stepName: s.stepName ?? null,
      agencyCode: s.agencyCode ?? null,
      enteredAt: toIso(s.enteredAt),
      leftAt: iso(s.leftAt),
      dueAt: iso(s.due),
      verdict: s.verdict,
      verdictLabel: s.verdict ? VERDICT_LABELS_VI[s.verdict] : null,
    })),
    lateAgencies: result.lateAgencies,
  };
}

/**
 * A ClockRuleError as an HTTP error naming the input at fault: `events.<index>` (with the part of
 * the event when the rule says which), `limit.unit`, `limit.value`, `ruleSet`, `now` or `events`.
 * `status` 400 for input a caller typed (preview), 422 for a stored dossier the clock refuses.
 */
export function clockHttpError(err: ClockRuleError, status: 400 | 422 = 400, base = ''): HttpError {
  let field: string;
  if (err.eventIndex !== null) {
    const sub = err.code === 'invalid_time' ? (err.message.includes('"at"') ? '.at' : '.newAppointment')
      : err.code === 'unknown_unit' || err.code === 'invalid_limit' ? '.duration'
      : err.code === 'unknown_event_type' ? '.type'
      : err.code === 'apology_not_later' ? '.newAppointment'
      : '';
    field = `events.${err.eventIndex}${sub}`;
  } else {
    field = err.code === 'unknown_unit' ? 'limit.unit'
      : err.code === 'invalid_limit' ? 'limit.value'
      : err.code === 'unknown_rule_set' ? 'ruleSet'
      : err.code === 'invalid_time' ? 'now'
      : 'events';
  }
  return new HttpError(status, `CLOCK_${err.code.toUpperCase()}`, err.messageVi, err.message, base + field);
}

/** Deep copy with every Date as ISO-8601 +07:00. */
function isoDates(value: unknown): unknown {
  if (value instanceof Date) return toIso(value);
  if (Array.isArray(value)) return value.map(isoDates);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = isoDates(v);
    return out;
  }
  return value;
}
