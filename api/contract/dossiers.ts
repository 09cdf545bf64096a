import { z } from 'zod';
import { Instant } from './common.js';

export const Channel = z.enum(['desk', 'post', 'online']);

export const Applicant = z.object({
  fullName: z.string({ error: 'Thiếu họ tên người nộp' }).trim().min(1, 'Vui lòng nhập họ tên người nộp').min(2, 'Họ tên quá ngắn').max(200, 'Họ tên quá dài'),
  idNumber: z.string({ error: 'Thiếu số CCCD' }).regex(/^\d{12}$/, 'Số CCCD phải gồm đúng 12 chữ số'),
  phone: z.string({ error: 'Thiếu số điện thoại' }).regex(/^0\d{9,10}$/, 'Số điện thoại không hợp lệ (10–11 số, bắt đầu bằng 0)'),
  email: z.email('Địa chỉ thư điện tử không hợp lệ').optional(),
  address: z.string({ error: 'Thiếu địa chỉ' }).trim().min(1, 'Vui lòng nhập địa chỉ').min(3, 'Địa chỉ quá ngắn').max(500),
});
export type Applicant = z.infer<typeof Applicant>;

export const ReceiveRequest = z.object({
  procedureCode: z.string({ error: 'Vui lòng chọn thủ tục' }).min(1, 'Vui lòng chọn thủ tục'),
  /** Agency that will handle the dossier; defaults to the receiving officer's agency when competent. */
  handlingAgencyCode: z.string().optional(),
  channel: Channel.default('desk'),
  applicant: Applicant,
  documents: z.array(z.object({
    key: z.string().min(1),
    received: z.boolean(),
    copies: z.number().int().min(0).max(99).default(1),
  })).default([]),
  note: z.string().max(2000).optional(),
});
export type ReceiveRequest = z.infer<typeof ReceiveRequest>;

export const DossierStatus = z.object({ code: z.number(), label: z.string() });

export const HistoryEntry = z.object({
  at: Instant,
  action: z.string(),
  label: z.string(),
  actor: z.string().nullable(),
  agencyCode: z.string().nullable(),
  stepName: z.string().nullable(),
  note: z.string().nullable(),
});

export const TaskView = z.object({
  id: z.number(),
  elementId: z.string(),
  name: z.string(),
  candidateGroups: z.array(z.string()),
  agencyCode: z.string(),
  assignee: z.string().nullable(),
  state: z.enum(['open', 'completed', 'cancelled']),
  createdAt: Instant,
  dueAt: Instant.nullable(),
  completedAt: Instant.nullable(),
  completedBy: z.string().nullable(),
  decision: z.string().nullable(),
  /** Decisions completing this step takes (e.g. approve, reject); empty for a plain completion. */
  decisions: z.array(z.string()),
});
export type TaskView = z.infer<typeof TaskView>;

export const ClockVerdict = z.enum(['early', 'on_time', 'late', 'overdue_in_process', 'in_process', 'withdrawn', 'stopped']);

/**
 * The dossier clock in brief (engine/clock, api/clock/README.md): verdict, the legal deadline and
 * the appointment in force, working time used / allowed, and each step's verdict (control slip).
 * The whole clock with its day-by-day explanation: `GET /api/dossiers/{code}/clock`.
 */
export const ClockSummary = z.object({
  verdict: ClockVerdict,
  verdictLabel: z.string(),
  state: z.enum(['running', 'waiting_supplement', 'waiting_payment', 'finished']),
  ruleSet: z.enum(['nd61_2018', 'nd118_2025']),
  /** Legal deadline the verdict is measured against; null while the clock waits for the citizen. */
  dueAt: Instant.nullable(),
  /** What the citizen is told now (the apology's new appointment when later than the deadline). */
  appointmentAt: Instant.nullable(),
  /** The limit counted from the receipt on today's calendar. */
  originalAppointmentAt: Instant,
  finishedAt: Instant.nullable(),
  workingTime: z.object({
    allowedMinutes: z.number(), usedMinutes: z.number(), remainingMinutes: z.number(), overMinutes: z.number(), minutesPerDay: z.number(),
  }),
  steps: z.array(z.object({
    stepId: z.string(),
    stepName: z.string().nullable(),
    agencyCode: z.string().nullable(),
    enteredAt: Instant,
    leftAt: Instant.nullable(),
    dueAt: Instant.nullable(),
    verdict: ClockVerdict.nullable(),
    verdictLabel: z.string().nullable(),
  })),
  /** Agencies with a late or overdue step. */
  lateAgencies: z.array(z.string()),
});
export type ClockSummary = z.infer<typeof ClockSummary>;

export const DossierView = z.object({
  code: z.string(),
  procedure: z.object({ code: z.string(), name: z.string(), version: z.number() }),
  receivingAgency: z.object({ code: z.string(), name: z.string() }),
  handlingAgency: z.object({ code: z.string(), name: z.string() }),
  channel: Channel,
  applicant: Applicant,
  documents: z.array(z.object({ key: z.string(), name: z.string(), received: z.boolean(), copies: z.number() })),
  status: DossierStatus,
  outcome: z.string().nullable(),
  receivedAt: Instant,
  appointmentAt: Instant,
  finishedAt: Instant.nullable(),
  definitionId: z.number(),
  tasks: z.array(TaskView),
  history: z.array(HistoryEntry),
  /** Null when the stored events break a clock rule (GET …/clock says which). */
  clock: ClockSummary.nullable(),
});
export type DossierView = z.infer<typeof DossierView>;

/** One step of the public timeline: what is done where and when, never by whom. */
export const PublicStep = z.object({
  name: z.string(),
  /** The agency the step is with (a public body, not a person). */
  agency: z.string(),
  startedAt: Instant,
  finishedAt: Instant.nullable(),
});

const PublicDossierFound = z.object({
  found: z.literal(true),
  /** The code as looked up (trimmed, upper case). */
  code: z.string(),
  procedureName: z.string(),
  receivingAgency: z.string(),
  handlingAgency: z.string(),
  receivedAt: Instant,
  appointmentAt: Instant,
  /** The new appointment given with an apology letter when the dossier runs late; null until that exists. */
  revisedAppointmentAt: Instant.nullable(),
  finishedAt: Instant.nullable(),
  status: DossierStatus,
  steps: z.array(PublicStep),
});

/** An unknown code: the same keys, at the same HTTP status, with nothing in them. */
const PublicDossierUnknown = z.object({
  found: z.literal(false),
  code: z.string(),
  procedureName: z.null(),
  receivingAgency: z.null(),
  handlingAgency: z.null(),
  receivedAt: z.null(),
  appointmentAt: z.null(),
  revisedAppointmentAt: z.null(),
  finishedAt: z.null(),
  status: z.null(),
  steps: z.array(PublicStep).max(0),
});

/**
 * `GET /api/public/dossiers/{code}`: what anyone holding a dossier code may see. No applicant data,
 * no officers. Always 200 for a well-formed code, with the same keys whether the code exists or not.
 */
export const PublicDossierView = z.discriminatedUnion('found', [PublicDossierFound, PublicDossierUnknown]);
export type PublicDossierView = z.infer<typeof PublicDossierView>;
export type PublicStep = z.infer<typeof PublicStep>;

/** `POST /api/public/dossiers/{code}/verify`: the last 4 digits of the applicant's phone or CCCD (from the receipt holder). */
export const PublicVerifyRequest = z.object({
  last4: z.string({ error: 'Nhập 4 số cuối số điện thoại hoặc CCCD của người nộp' })
    .trim().regex(/^\d{4}$/, '4 số cuối phải gồm đúng 4 chữ số'),
});
export type PublicVerifyRequest = z.infer<typeof PublicVerifyRequest>;

/**
 * The personal part, once the proof matches: only the applicant's name, masked ("Nguyễn V. A.").
 * A wrong proof and an unknown code give the very same body: `{ verified: false, applicant: null }`.
 */
export const PublicApplicantView = z.object({
  verified: z.boolean(),
  applicant: z.object({ maskedName: z.string() }).nullable(),
});
export type PublicApplicantView = z.infer<typeof PublicApplicantView>;
