import type { EntityManager } from '@mikro-orm/postgresql';
import type { ReceiveRequest } from '../contract/dossiers.js';
import type { Services } from '../services.js';
import type { User } from '../users/user.entity.js';
import { Agency } from '../agencies/agency.entity.js';
import { Procedure } from '../procedures/procedure.entity.js';
import { HttpError, notFound } from '../http/errors.js';
import { ProcessInstance } from '../tasks/instance.entity.js';
import { applyRun } from '../tasks/apply-run.js';
import { Dossier, type DossierDocument } from './dossier.entity.js';
import { DossierEvent } from './dossier-event.entity.js';
import { nextDossierCode } from './dossier-code.js';
import { STATUS } from './status.js';
import { agencyKindsFor } from '../procedures/competence.js';
import type { Duration } from '../../engine/runtime/types.js';

/**
 * Receives a complete dossier at a one-stop desk: code, appointment, process start and the first
 * tasks, all in one transaction. A repeated request with the same Idempotency-Key returns the
 * dossier created the first time instead of a second one.
 */
export async function receiveDossier(em: EntityManager, services: Services, user: User, req: ReceiveRequest, idempotencyKey?: string): Promise<Dossier> {
  return em.transactional(async (tx) => {
    if (idempotencyKey) {
      const earlier = await tx.findOne(Dossier, { createdBy: user.id, idempotencyKey });
      if (earlier) return earlier;
    }
    const procedure = await tx.findOne(Procedure, req.procedureCode);
    if (!procedure) throw notFound(`Không tìm thấy thủ tục có mã "${req.procedureCode}"`, `Unknown procedure ${req.procedureCode}`, 'procedureCode');
    const receiving = await tx.findOneOrFail(Agency, user.agency);
    const handling = await handlingAgency(tx, procedure, receiving, req.handlingAgencyCode);
    const documents = checklist(procedure, req.documents);

    const latest = await services.definitions.latest(tx, procedure.processId);
    if (!latest) throw new HttpError(409, 'NOT_PUBLISHED', 'Thủ tục chưa có quy trình được ban hành', `No published definition for ${procedure.processId}`, 'procedureCode');
    const def = await services.definitions.get(tx, latest.id);

    const now = new Date();
    const limit: Duration = { value: procedure.timeLimitValue, unit: procedure.timeLimitUnit as Duration['unit'] };
    const dossier = tx.create(Dossier, {
      code: await nextDossierCode(tx, receiving, now),
      procedure: procedure.code, definition: latest.id, receivingAgency: receiving.id, handlingAgency: handling.id,
      channel: req.channel, applicant: req.applicant, applicantName: req.applicant.fullName, applicantIdNumber: req.applicant.idNumber,
      documents, status: STATUS.ACCEPTED, receivedAt: now,
      appointmentAt: services.deadlines.appointment(now, limit, handling.id),
      createdBy: user.id, idempotencyKey: idempotencyKey ?? null, note: req.note ?? null,
    });
    await tx.flush();
    tx.create(DossierEvent, { dossier: dossier.id, at: now, action: 'received', actor: user.id, agency: receiving.id, note: req.note ?? null });

    const run = await services.runtime.start(def, { dossierCode: dossier.code, procedureCode: procedure.code, channel: req.channel });
    const instance = tx.create(ProcessInstance, { dossier: dossier.id, definition: latest.id, state: run.state, updatedAt: now });
    await tx.flush();
    await applyRun(tx, services, { dossier, instance, actorId: user.id, now }, run);
    return dossier;
  });
}

async function handlingAgency(em: EntityManager, procedure: Procedure, receiving: Agency, code?: string): Promise<Agency> {
  if (code) {
    const agency = await em.findOne(Agency, { code });
    if (!agency) throw notFound(`Không tìm thấy cơ quan có mã "${code}"`, `Unknown agency ${code}`, 'handlingAgencyCode');
    if (!agencyKindsFor(procedure).includes(agency.kind)) {
      throw new HttpError(400, 'NOT_COMPETENT', `${agency.name} không có thẩm quyền giải quyết thủ tục này`,
        `Agency ${code} (${agency.kind}) is not competent for ${procedure.code}`, 'handlingAgencyCode');
    }
    return agency;
  }
  if (agencyKindsFor(procedure).includes(receiving.kind)) return receiving;
  throw new HttpError(400, 'HANDLING_AGENCY_REQUIRED', 'Cần chọn cơ quan có thẩm quyền giải quyết hồ sơ này',
    `Receiving agency ${receiving.code} is not competent for ${procedure.code}; handlingAgencyCode required`, 'handlingAgencyCode');
}

/** Every received item must be in the procedure's list, and every required one must be there. */
function checklist(procedure: Procedure, given: ReceiveRequest['documents']): DossierDocument[] {
  const byKey = new Map(given.map((d, i) => [d.key, { ...d, index: i }]));
  given.forEach((d, i) => {
    if (!procedure.documents.some((p) => p.key === d.key)) {
      throw new HttpError(400, 'UNKNOWN_DOCUMENT', `Giấy tờ "${d.key}" không thuộc thành phần hồ sơ của thủ tục`, `Unknown document key ${d.key}`, `documents.${i}.key`);
    }
  });
  const missing = procedure.documents.filter((p) => p.required && !byKey.get(p.key)?.received);
  if (missing.length) {
    throw new HttpError(400, 'MISSING_DOCUMENTS',
      `Hồ sơ thiếu giấy tờ bắt buộc: ${missing.map((m) => m.name).join('; ')}`,
      `Missing required documents: ${missing.map((m) => m.key).join(', ')}`, 'documents',
      missing.map((m) => ({ field: `documents.${m.key}`, message: `Thiếu: ${m.name}` })));
  }
  return procedure.documents.map((p) => ({
    key: p.key, name: p.name, received: byKey.get(p.key)?.received ?? false, copies: byKey.get(p.key)?.copies ?? 0,
  }));
}
