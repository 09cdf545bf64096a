import type { ReceiveRequest } from '../contract/dossiers.js';
import type { Services } from '../services.js';
import type { Sql } from '../db/database.js';
import type { Officer } from '../auth/officer.js';
import type { Duration } from '../../engine/runtime/types.js';
import { HttpError, notFound } from '../http/errors.js';
import { applyRun } from '../tasks/apply-run.js';
import { agencyKindsFor } from '../procedures/competence.js';
import { DOSSIER_COLUMNS, type DossierRow } from './dossier-row.js';
import type { DossierDocument } from './dossier.entity.js';
import { nextDossierCode } from './dossier-code.js';
import { STATUS } from './status.js';

interface ProcedureRow {
  code: string; processId: string; timeLimitValue: number; timeLimitUnit: Duration['unit'];
  documents: Array<{ key: string; name: string; required: boolean }>; agencyKinds: string[];
  /** Per procedure (catalogue `supplementRestarts`, default true): see engine/clock. */
  supplementRestarts: boolean;
}
interface AgencyRow { id: number; code: string; name: string; kind: string }

/**
 * Receives a complete dossier at a one-stop desk: code, appointment, process start and the first
 * tasks, all in one transaction. A repeated request with the same Idempotency-Key returns the
 * dossier created the first time instead of a second one. Returns the dossier code.
 */
export async function receiveDossier(services: Services, user: Officer, req: ReceiveRequest, idempotencyKey?: string): Promise<string> {
  const earlier = async () => {
    const found = await services.db.one<{ code: string; procedure: string; idNumber: string }>(
      `select code, procedure_code as procedure, applicant_id_number as "idNumber" from dossier
        where created_by_id = $1 and idempotency_key = $2`, [user.id, idempotencyKey]);
    if (found && (found.procedure !== req.procedureCode || found.idNumber !== req.applicant.idNumber)) {
      throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', `Mã chống gửi trùng này đã dùng cho hồ sơ ${found.code} của người nộp/thủ tục khác`,
        `Idempotency-Key reused for a different dossier (${found.code})`, 'Idempotency-Key');
    }
    return found;
  };
  if (idempotencyKey) {
    const found = await earlier();
    if (found) return found.code;
  }
  try {
    return await services.db.transaction((tx) => receiveIn(tx, services, user, req, idempotencyKey));
  } catch (err) {
    // A concurrent retry with the same key won the race: answer with its dossier.
    if (idempotencyKey && (err as { code?: string }).code === '23505') {
      const found = await earlier();
      if (found) return found.code;
    }
    throw err;
  }
}

async function receiveIn(tx: Sql, services: Services, user: Officer, req: ReceiveRequest, idempotencyKey?: string): Promise<string> {
  const procedure = await tx.one<ProcedureRow>(
    `select code, process_id as "processId", time_limit_value as "timeLimitValue", time_limit_unit as "timeLimitUnit",
            documents, agency_kinds as "agencyKinds", coalesce(catalogue->'supplementRestarts' <> 'false'::jsonb, true) as "supplementRestarts"
       from procedure where code = $1`, [req.procedureCode]);
  if (!procedure) throw notFound(`Không tìm thấy thủ tục có mã "${req.procedureCode}"`, `Unknown procedure ${req.procedureCode}`, 'procedureCode');
  const receiving = (await tx.one<AgencyRow>('select id, code, name, kind from agency where id = $1', [user.agency]))!;
  const handling = await handlingAgency(tx, procedure, receiving, req.handlingAgencyCode);
  const documents = checklist(procedure, req.documents);

  const definitionId = await services.definitions.latestId(tx, procedure.processId);
  if (!definitionId) throw new HttpError(409, 'NOT_PUBLISHED', 'Thủ tục chưa có quy trình được ban hành', `No published definition for ${procedure.processId}`, 'procedureCode');
  const def = await services.definitions.get(tx, definitionId);

  const now = services.clock();
  const limit: Duration = { value: procedure.timeLimitValue, unit: procedure.timeLimitUnit };
  const code = await nextDossierCode(tx, receiving, now);
  const dossier = (await tx.one<DossierRow>(
    `insert into dossier as d (code, procedure_code, definition_id, receiving_agency_id, handling_agency_id, channel, applicant,
       applicant_name, applicant_id_number, documents, status, received_at, appointment_at, created_by_id, idempotency_key, note,
       clock_limit_value, clock_limit_unit, clock_supplement_restarts)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) returning ${DOSSIER_COLUMNS}`,
    [code, procedure.code, definitionId, receiving.id, handling.id, req.channel, JSON.stringify(req.applicant), req.applicant.fullName,
      req.applicant.idNumber, JSON.stringify(documents), STATUS.ACCEPTED, now, services.deadlines.appointment(now, limit, handling.id),
      user.id, idempotencyKey ?? null, req.note ?? null, limit.value, limit.unit, procedure.supplementRestarts]))!;
  const run = await services.runtime.start(def, { dossierCode: code, procedureCode: procedure.code, channel: req.channel });
  const instance = (await tx.one<{ id: number }>(
    'insert into process_instance (dossier_id, definition_id, state, ended, updated_at) values ($1, $2, $3, $4, $5) returning id',
    [dossier.id, definitionId, JSON.stringify(run.state), run.ended, now]))!;
  await applyRun(tx, services, { dossier, instanceId: instance.id, actorId: user.id, now }, run,
    [{ dossier: dossier.id, at: now, action: 'received', actor: user.id, agency: receiving.id, note: req.note ?? null }]);
  return code;
}

async function handlingAgency(tx: Sql, procedure: ProcedureRow, receiving: AgencyRow, code?: string): Promise<AgencyRow> {
  const competent = agencyKindsFor(procedure);
  if (code) {
    const agency = await tx.one<AgencyRow>('select id, code, name, kind from agency where code = $1', [code]);
    if (!agency) throw notFound(`Không tìm thấy cơ quan có mã "${code}"`, `Unknown agency ${code}`, 'handlingAgencyCode');
    if (!competent.includes(agency.kind as never)) {
      throw new HttpError(400, 'NOT_COMPETENT', `${agency.name} không có thẩm quyền giải quyết thủ tục này`,
        `Agency ${code} (${agency.kind}) is not competent for ${procedure.code}`, 'handlingAgencyCode');
    }
    return agency;
  }
  if (competent.includes(receiving.kind as never)) return receiving;
  throw new HttpError(400, 'HANDLING_AGENCY_REQUIRED', 'Cần chọn cơ quan có thẩm quyền giải quyết hồ sơ này',
    `Receiving agency ${receiving.code} is not competent for ${procedure.code}; handlingAgencyCode required`, 'handlingAgencyCode');
}

/** Every received item must be in the procedure's list, and every required one must be there. */
function checklist(procedure: ProcedureRow, given: ReceiveRequest['documents']): DossierDocument[] {
  given.forEach((d, i) => {
    if (!procedure.documents.some((p) => p.key === d.key)) {
      throw new HttpError(400, 'UNKNOWN_DOCUMENT', `Giấy tờ "${d.key}" không thuộc thành phần hồ sơ của thủ tục`, `Unknown document key ${d.key}`, `documents.${i}.key`);
    }
  });
  const byKey = new Map(given.map((d) => [d.key, d]));
  const missing = procedure.documents.filter((p) => p.required && !byKey.get(p.key)?.received);
  if (missing.length) {
    throw new HttpError(400, 'MISSING_DOCUMENTS',
      `Hồ sơ thiếu ${missing.length} giấy tờ bắt buộc: ${missing.map((m, i) => `(${i + 1}) ${m.name}`).join(' ')}`,
      `Missing required documents: ${missing.map((m) => m.key).join(', ')}`, 'documents',
      missing.map((m) => ({ field: `documents.${m.key}`, message: `Thiếu: ${m.name}` })));
  }
  return procedure.documents.map((p) => ({
    key: p.key, name: p.name, received: byKey.get(p.key)?.received ?? false, copies: byKey.get(p.key)?.copies ?? 0,
  }));
}
