import type { Applicant } from '../contract/dossiers.js';
import type { DossierDocument } from './dossier.entity.js';
import type { LimitUnit } from '../../engine/calendar/index.js';

/** A dossier as the hot paths read it (see DOSSIER_COLUMNS). */
export interface DossierRow {
  id: number;
  code: string;
  procedure: string;
  definition: number;
  receivingAgency: number;
  handlingAgency: number;
  channel: string;
  applicant: Applicant;
  documents: DossierDocument[];
  status: number;
  outcome: string | null;
  receivedAt: Date;
  appointmentAt: Date;
  finishedAt: Date | null;
  returnedAt: Date | null;
  /** The clock's settings frozen at receipt (the procedure's current ones for rows from before the clock). */
  limitValue: number;
  limitUnit: LimitUnit;
  supplementRestarts: boolean;
}

/** `coalesce` evaluates the procedure look-up only for rows received before the clock columns existed. */
export const DOSSIER_COLUMNS = `d.id, d.code, d.procedure_code as "procedure", d.definition_id as "definition",
  d.receiving_agency_id as "receivingAgency", d.handling_agency_id as "handlingAgency", d.channel, d.applicant, d.documents,
  d.status, d.outcome, d.received_at as "receivedAt", d.appointment_at as "appointmentAt", d.finished_at as "finishedAt",
  d.returned_at as "returnedAt",
  coalesce(d.clock_limit_value, (select lp.time_limit_value from procedure lp where lp.code = d.procedure_code)) as "limitValue",
  coalesce(d.clock_limit_unit, (select lp.time_limit_unit from procedure lp where lp.code = d.procedure_code)) as "limitUnit",
  coalesce(d.clock_supplement_restarts, true) as "supplementRestarts"`;
