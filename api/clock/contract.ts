import { z } from 'zod';
import { Instant } from '../contract/common.js';
import { ClockVerdict } from '../contract/dossiers.js';

/** An instant in clock input: ISO-8601 (without an offset = wall-clock time in Việt Nam) or epoch ms. */
const ClockTime = z.union([z.string({ error: 'Thời điểm phải là chuỗi ISO-8601 hoặc số mili giây' }), z.number()]);

/**
 * One clock event. The type is checked by the clock itself (so the answer names the event and
 * says why in the clock's words): received · step_entered {stepId, stepName?, agencyCode?,
 * duration?} · step_left {stepId} · supplement_requested {stepId?} · supplement_received ·
 * financial_obligation_requested · financial_obligation_done · apology {newAppointment} ·
 * completed · returned · withdrawn · stopped.
 */
export const ClockEventInput = z.looseObject({
  type: z.string({ error: 'Thiếu loại sự kiện (type)' }),
  at: ClockTime,
  stepId: z.string().max(200).optional(),
  stepName: z.string().max(300).optional(),
  agencyCode: z.string().max(40).optional(),
  duration: z.looseObject({ value: z.number().optional(), unit: z.string() }).optional(),
  newAppointment: ClockTime.optional(),
});

/** `POST /api/clock/preview`: a what-if clock, computed exactly like a stored dossier's. */
export const ClockPreviewRequest = z.object({
  limit: z.object({
    value: z.number({ error: 'Thời hạn giải quyết phải là một số' }).optional(),
    unit: z.string({ error: 'Thiếu đơn vị thời hạn (working_days, working_hours, days, same_day)' }),
  }, { error: 'Thiếu thời hạn giải quyết (limit)' }),
  /** Default: by the receipt date (before 01/7/2025 Decree 61/2018, else Decree 118/2025). */
  ruleSet: z.string().optional(),
  /** The agency whose working calendar counts (one calendar for all today); also the default agency of steps. */
  agencyCode: z.string().max(40).optional(),
  /** Per procedure: true (default) the limit restarts after a supplement, false it only pauses. */
  supplementRestarts: z.boolean().optional(),
  /** Evaluation instant for a dossier still open; default the server's now. */
  now: ClockTime.optional(),
  events: z.array(ClockEventInput, { error: 'Thiếu danh sách sự kiện (events)' })
    .min(1, 'Cần ít nhất sự kiện tiếp nhận hồ sơ').max(500, 'Tối đa 500 sự kiện'),
  explain: z.boolean().optional(),
});
export type ClockPreviewRequest = z.infer<typeof ClockPreviewRequest>;

const Adjustment = z.string();
const StepClockView = z.object({
  eventIndex: z.number(), stepId: z.string(), stepName: z.string().optional(), agencyCode: z.string().optional(),
  duration: z.object({ value: z.number(), unit: z.string() }).optional(),
  enteredAt: Instant, leftAt: Instant.nullable(), due: Instant.nullable(), verdict: ClockVerdict.nullable(),
  allowedMinutes: z.number().nullable(), usedMinutes: z.number(),
});

/** The dossier clock (engine/clock `ClockResult`), every instant ISO-8601 +07:00. */
export const ClockResultView = z.object({
  ruleSet: z.enum(['nd61_2018', 'nd118_2025']),
  ruleSetSource: z.enum(['input', 'receipt_date']),
  supplementRestarts: z.boolean(),
  limit: z.object({ value: z.number(), unit: z.enum(['working_days', 'working_hours', 'days', 'same_day']) }),
  receivedAt: Instant,
  evaluatedAt: Instant,
  state: z.enum(['running', 'waiting_supplement', 'waiting_payment', 'finished']),
  verdict: ClockVerdict,
  verdictLabel: z.string(),
  verdictAgainstCurrent: ClockVerdict,
  finishedAt: Instant.nullable(),
  finishedBy: z.enum(['completed', 'returned', 'withdrawn', 'stopped']).nullable(),
  returnedAt: Instant.nullable(),
  appointment: z.object({
    original: z.object({ receivedAt: Instant, countingFrom: Instant, due: Instant, dueDate: z.string(), adjustments: z.array(Adjustment) }),
    countingFrom: Instant, due: Instant.nullable(), dueDate: z.string().nullable(), current: Instant.nullable(), currentDate: z.string().nullable(),
    changes: z.array(z.object({ eventIndex: z.number(), at: Instant, reason: z.string(), from: Instant.nullable(), to: Instant.nullable() })),
  }),
  workingTime: z.object({ allowedMinutes: z.number(), usedMinutes: z.number(), remainingMinutes: z.number(), overMinutes: z.number(), minutesPerDay: z.number() }),
  steps: z.array(StepClockView),
  lateAgencies: z.array(z.string()),
  supplements: z.array(z.object({
    requestedAt: Instant, requestEventIndex: z.number(), stepId: z.string().optional(), receivedAt: Instant.nullable(),
    appointmentBefore: Instant.nullable(), appointmentAfter: Instant.nullable(), effect: z.enum(['restart', 'resume']),
  })),
  payments: z.array(z.object({ requestedAt: Instant, doneAt: Instant.nullable() })),
  apology: z.object({ eventIndex: z.number(), at: Instant, previousAppointment: Instant, newAppointment: Instant, kept: z.boolean().nullable() }).nullable(),
  warnings: z.array(z.object({ code: z.string(), eventIndex: z.number(), message: z.string(), messageVi: z.string() })),
  explanation: z.array(z.object({
    date: z.string(), counted: z.boolean(), minutes: z.number(), reason: z.string(), name: z.string().optional(), source: z.string().optional(),
    provisional: z.boolean().optional(), note: z.string(), events: z.array(z.string()).optional(),
  })),
  summary: z.string(),
});

/** `GET /api/dossiers/{code}/clock`: the clock now, the input it was computed from, and the stored fields statistics read. */
export const DossierClockView = ClockResultView.extend({
  code: z.string(),
  /** The clock input mapped from the dossier's history (api/clock/README.md): POST it to /api/clock/preview to try variations. */
  input: z.object({ limit: z.object({ value: z.number(), unit: z.string() }), supplementRestarts: z.boolean(), events: z.array(ClockEventInput) }),
  /** The stored clock statistics count (`dossier_clock`); null until first computed (rows from before the clock). */
  stored: z.object({
    verdict: z.string().nullable(),
    dueAt: Instant.nullable(),
    finishedAt: Instant.nullable(),
    returnedAt: Instant.nullable(),
    lateAgencies: z.array(z.string()),
    /** The legal deadline counts the receipt only (no waits, restarts or apology). */
    light: z.boolean().nullable(),
    calendarRevision: z.number().nullable(),
    computedAt: Instant.nullable(),
    error: z.string().nullable(),
  }).nullable(),
  /** The calendar revision this answer was computed with. */
  calendarRevision: z.number(),
});

export const RecomputeJobView = z.object({
  id: z.number(),
  calendarRevision: z.number(),
  state: z.enum(['pending', 'running', 'done', 'failed', 'superseded']),
  total: z.number(),
  done: z.number(),
  moved: z.number(),
  tasksMoved: z.number(),
  claimedBy: z.string().nullable(),
  error: z.string().nullable(),
  createdAt: Instant,
  startedAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  /** What moved: the open dossiers whose legal due date or appointment changed (first 200 by dossier code); appointments null when it did not move. */
  moves: z.array(z.object({
    code: z.string(), oldDueAt: Instant.nullable(), newDueAt: Instant.nullable(), oldAppointmentAt: Instant.nullable(), newAppointmentAt: Instant.nullable(),
  })),
});
export type RecomputeJobView = z.infer<typeof RecomputeJobView>;
