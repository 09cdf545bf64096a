import { timingSafeEqual } from 'node:crypto';
import type { PublicApplicantView, PublicDossierView } from '../contract/dossiers.js';
import type { Sql } from '../db/database.js';
import { statusView } from '../dossiers/status.js';
import { toIso, toIsoOrNull } from '../time.js';
import { maskName } from './mask.js';

interface PublicRow {
  code: string;
  procedureName: string;
  receivingAgency: string;
  handlingAgency: string;
  receivedAt: Date;
  appointmentAt: Date;
  finishedAt: Date | null;
  status: number;
  steps: Array<{ name: string; agency: string; startedAt: number; finishedAt: number | null }>;
}

/**
 * What anyone holding a dossier code may see: no applicant data, no officers' names. One statement
 * whether or not the code exists (the steps come aggregated in the same row), so a known and an
 * unknown code cost the same single round trip.
 */
export async function publicView(db: Sql, code: string): Promise<PublicDossierView> {
  const d = await db.one<PublicRow>(
    `select d.code, p.name as "procedureName", r.name as "receivingAgency", h.name as "handlingAgency",
            d.received_at as "receivedAt", d.appointment_at as "appointmentAt", d.finished_at as "finishedAt", d.status,
            coalesce((select json_agg(json_build_object(
                        'name', t.name, 'agency', a.name,
                        'startedAt', floor(extract(epoch from t.created_at) * 1000),
                        'finishedAt', floor(extract(epoch from t.completed_at) * 1000)) order by t.id)
                        from task t join agency a on a.id = t.agency_id
                       where t.dossier_id = d.id and t.state <> 'cancelled'), '[]'::json) as steps
       from dossier d
       join procedure p on p.code = d.procedure_code
       join agency r on r.id = d.receiving_agency_id
       join agency h on h.id = d.handling_agency_id
      where d.code = $1`, [code]);
  if (!d) return unknownView(code);
  return {
    found: true,
    code: d.code,
    procedureName: d.procedureName,
    receivingAgency: d.receivingAgency,
    handlingAgency: d.handlingAgency,
    receivedAt: toIso(d.receivedAt),
    appointmentAt: toIso(d.appointmentAt),
    // Apology letters with a new appointment are not modelled yet; the field is in the contract for them.
    revisedAppointmentAt: null,
    finishedAt: toIsoOrNull(d.finishedAt),
    status: statusView(d.status),
    steps: d.steps.map((s) => ({
      name: s.name,
      agency: s.agency,
      startedAt: toIso(new Date(s.startedAt)),
      finishedAt: s.finishedAt === null ? null : toIso(new Date(s.finishedAt)),
    })),
  };
}

export const unknownView = (code: string): PublicDossierView => ({
  found: false, code, procedureName: null, receivingAgency: null, handlingAgency: null, receivedAt: null,
  appointmentAt: null, revisedAppointmentAt: null, finishedAt: null, status: null, steps: [],
});

export const NOT_VERIFIED: PublicApplicantView = { verified: false, applicant: null };

/** Stands in for an unknown code's applicant so both paths compare the same way. */
const NOBODY = { fullName: '', phone: '\u0000\u0000\u0000\u0000', idNumber: '\u0000\u0000\u0000\u0000' };

/**
 * Checks the last 4 digits of the applicant's phone or CCCD. Unknown code and wrong digits take the
 * same path and give the same answer; the name is only ever returned masked.
 */
export async function verifyApplicant(db: Sql, code: string, last4: string): Promise<PublicApplicantView> {
  const row = await db.one<{ fullName: string; phone: string; idNumber: string }>(
    `select d.applicant->>'fullName' as "fullName", coalesce(d.applicant->>'phone', '') as phone,
            coalesce(d.applicant->>'idNumber', '') as "idNumber"
       from dossier d where d.code = $1`, [code]);
  const a = row ?? NOBODY;
  const byPhone = sameLast4(a.phone, last4);
  const byId = sameLast4(a.idNumber, last4);
  if (!row || !(byPhone || byId)) return NOT_VERIFIED;
  return { verified: true, applicant: { maskedName: maskName(a.fullName) } };
}

function sameLast4(value: string, last4: string): boolean {
  const tail = Buffer.from(value.slice(-4).padStart(4, '\u0000'));
  const given = Buffer.from(last4);
  return tail.length === given.length && timingSafeEqual(tail, given);
}
