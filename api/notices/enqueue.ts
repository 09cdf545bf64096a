import { DateTime, FixedOffsetZone } from 'luxon';
import type { Sql } from '../db/database.js';
import type { DossierEventInput } from '../dossiers/record-events.js';
import type { Applicant } from '../contract/dossiers.js';
import type { NoticeChannel } from './notice.entity.js';
import { loadTemplates, render, type NoticeKind, type NoticeParams } from './templates.js';

const VIETNAM = FixedOffsetZone.instance(7 * 60);

let publicBaseUrl = (process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/+$/, '');

/**
 * The base of look-up links. `recordEvents` only gets the transaction, so this process-wide setting
 * (from PUBLIC_BASE_URL, the same on every node) is set once at startup.
 */
export function setNoticeLinkBase(url: string): void {
  publicBaseUrl = url.replace(/\/+$/, '');
}

export const lookupLink = (code: string) => `${publicBaseUrl}/tra-cuu/${encodeURIComponent(code)}`;

/** Actions that can lead to a notice: reception, the end, and a step at which the result is ready. */
const TRIGGERS = new Set(['received', 'returned', 'step_entered']);

interface Facts {
  id: number; code: string; applicant: Applicant; outcome: string | null;
  receivedAt: Date; appointmentAt: Date; finishedAt: Date | null; returnedAt: Date | null;
  procedureName: string; receivingAgency: string; handlingAgency: string;
}

interface Wanted { dossier: Facts; kind: NoticeKind; at: Date }

/**
 * Writes the citizen notices the events call for into the events' own transaction (the outbox
 * rule: no event without its notices, no notice without its event):
 * - `received` → receipt with the appointment and the look-up link;
 * - `returned` with outcome approved → result returned; refused → refusal with the reason;
 * - the result became ready (finished_at set by this very action, not yet returned) on a day
 *   before the appointment's day → "finished early" (Decree 61/2018 Art. 20(4)).
 * One notice per channel the applicant gave and an enabled template offers: e-mail when there is
 * an address, SMS to the phone always, Zalo to the phone once administrators enable it. The
 * idempotency key `<code>:<kind>:<channel>` is unique: writing the same again adds nothing.
 */
export async function enqueueNotices(tx: Sql, events: DossierEventInput[]): Promise<void> {
  const ids = [...new Set(events.filter((e) => TRIGGERS.has(e.action)).map((e) => e.dossier))];
  if (!ids.length) return;
  const dossiers = await tx.query<Facts>(
    `select d.id, d.code, d.applicant, d.outcome, d.received_at as "receivedAt", d.appointment_at as "appointmentAt",
            d.finished_at as "finishedAt", d.returned_at as "returnedAt", p.name as "procedureName",
            ra.name as "receivingAgency", ha.name as "handlingAgency"
       from dossier d join procedure p on p.code = d.procedure_code
       join agency ra on ra.id = d.receiving_agency_id join agency ha on ha.id = d.handling_agency_id
      where d.id = any($1::bigint[])`, [ids]);

  const wanted: Wanted[] = [];
  for (const dossier of dossiers) {
    const own = events.filter((e) => e.dossier === dossier.id);
    const received = own.find((e) => e.action === 'received');
    if (received) wanted.push({ dossier, kind: 'received', at: received.at });
    const returned = own.find((e) => e.action === 'returned');
    if (returned) {
      if (dossier.outcome === 'approved') wanted.push({ dossier, kind: 'result_returned', at: returned.at });
      else if (dossier.outcome === 'refused') wanted.push({ dossier, kind: 'refused', at: returned.at });
    } else if (dossier.finishedAt && !dossier.returnedAt && own.some((e) => e.at.getTime() === dossier.finishedAt!.getTime())
      && vietnamDay(dossier.finishedAt) < vietnamDay(dossier.appointmentAt)) {
      wanted.push({ dossier, kind: 'finished_early', at: dossier.finishedAt });
    }
  }
  if (!wanted.length) return;

  const templates = await loadTemplates(tx, [...new Set(wanted.map((w) => w.kind))]);
  const reasons = await refusalReasons(tx, wanted.filter((w) => w.kind === 'refused').map((w) => w.dossier.id));
  const rows: Array<{ dossier: number; kind: string; channel: NoticeChannel; recipient: string; subject: string | null; body: string; params: NoticeParams; key: string; at: Date }> = [];
  for (const w of wanted) {
    const params = paramsOf(w.dossier, reasons.get(w.dossier.id));
    for (const [channel, recipient] of recipients(w.dossier.applicant)) {
      const template = templates.get(`${w.kind}:${channel}`);
      if (!template?.enabled) continue;
      rows.push({
        dossier: w.dossier.id, kind: w.kind, channel, recipient, params, at: w.at,
        subject: template.subject === null ? null : render(template.subject, params),
        body: render(template.body, params),
        key: `${w.dossier.code}:${w.kind}:${channel}`,
      });
    }
  }
  if (!rows.length) return;
  await tx.query(
    `insert into notice (dossier_id, kind, channel, recipient, subject, body, params, idempotency_key, state, attempts,
                         next_attempt_at, event_at, created_at, updated_at)
     select x.dossier_id, x.kind, x.channel, x.recipient, x.subject, x.body, x.params, x.key, 'pending', 0, x.at, x.at, x.at, x.at
       from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::jsonb[], $8::text[], $9::timestamptz[])
         as x(dossier_id, kind, channel, recipient, subject, body, params, key, at)
     on conflict (idempotency_key) do nothing`,
    [rows.map((r) => r.dossier), rows.map((r) => r.kind), rows.map((r) => r.channel), rows.map((r) => r.recipient),
      rows.map((r) => r.subject), rows.map((r) => r.body), rows.map((r) => JSON.stringify(r.params)), rows.map((r) => r.key), rows.map((r) => r.at)]);
}

function recipients(applicant: Applicant): Array<[NoticeChannel, string]> {
  const list: Array<[NoticeChannel, string]> = [];
  const email = applicant.email?.trim();
  if (email) list.push(['email', email]);
  if (applicant.phone) list.push(['sms', applicant.phone], ['zalo', applicant.phone]);
  return list;
}

function paramsOf(d: Facts, reason: string | undefined): NoticeParams {
  const at = (v: Date | null) => (v ? DateTime.fromJSDate(new Date(v), { zone: VIETNAM }).toFormat("HH:mm 'ngày' dd/MM/yyyy") : '');
  return {
    ho_ten: d.applicant.fullName,
    ma_ho_so: d.code,
    thu_tuc: d.procedureName,
    co_quan_tiep_nhan: d.receivingAgency,
    co_quan_giai_quyet: d.handlingAgency,
    ngay_tiep_nhan: at(d.receivedAt),
    ngay_hen_tra: at(d.appointmentAt),
    ngay_co_ket_qua: at(d.finishedAt),
    ngay_tra: at(d.returnedAt),
    ly_do: reason ?? 'Hồ sơ không đủ điều kiện giải quyết',
    link_tra_cuu: lookupLink(d.code),
  };
}

/**
 * The refusal's reason: the note of the last step completed with a decision (the appraisal or
 * signature that refused), else the last note written at any step.
 */
async function refusalReasons(tx: Sql, dossierIds: number[]): Promise<Map<number, string>> {
  if (!dossierIds.length) return new Map();
  const rows = await tx.query<{ dossier: number; note: string }>(
    `select distinct on (dossier_id) dossier_id as dossier, note from dossier_event
      where dossier_id = any($1::bigint[]) and action = 'step_completed' and nullif(btrim(note), '') is not null
      order by dossier_id, coalesce(data ? 'decision', false) desc, at desc, id desc`, [dossierIds]);
  return new Map(rows.map((r) => [r.dossier, r.note.trim()]));
}

const vietnamDay = (d: Date) => DateTime.fromJSDate(new Date(d), { zone: VIETNAM }).toISODate()!;
