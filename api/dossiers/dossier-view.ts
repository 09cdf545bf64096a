import type { DossierView, TaskView } from '../contract/dossiers.js';
import type { Sql } from '../db/database.js';
import type { Services } from '../services.js';
import { toIso, toIsoOrNull } from '../time.js';
import { DOSSIER_COLUMNS, type DossierRow } from './dossier-row.js';
import { statusView } from './status.js';
import { actionLabel } from './actions.js';
import { ClockRuleError } from '../../engine/clock/index.js';
import { clockInputOf } from '../clock/source.js';
import { factsOf } from '../clock/materialise.js';
import { clockSummary, dossierClock } from '../clock/compute.js';

export type DossierHead = DossierRow & {
  procedureName: string; version: number; receivingCode: string; receivingName: string; handlingCode: string; handlingName: string;
};

/** Reads a dossier by code with the agencies and procedure it names; undefined when there is none. */
export function findDossierHead(db: Sql, code: string): Promise<DossierHead | undefined> {
  return db.one<DossierHead>(
    `select ${DOSSIER_COLUMNS}, p.name as "procedureName", v.version, r.code as "receivingCode", r.name as "receivingName",
            h.code as "handlingCode", h.name as "handlingName"
       from dossier d
       join procedure p on p.code = d.procedure_code
       join process_definition v on v.id = d.definition_id
       join agency r on r.id = d.receiving_agency_id
       join agency h on h.id = d.handling_agency_id
      where d.code = $1`, [code]);
}

/** The officer's view of a dossier: applicant, checklist, tasks and history, in three queries. */
export async function dossierView(services: Services, d: DossierHead): Promise<DossierView> {
  const db = services.db;
  const [def, tasks, history] = await Promise.all([
    services.definitions.get(db, d.definition),
    db.query<Omit<TaskView, 'decisions'> & { createdAt: Date; dueAt: Date | null; completedAt: Date | null }>(
      `select t.id, t.element_id as "elementId", t.name, t.candidate_groups as "candidateGroups", a.code as "agencyCode",
              u.username as assignee, t.state, t.created_at as "createdAt", t.due_at as "dueAt", t.completed_at as "completedAt",
              c.username as "completedBy", t.decision
         from task t join agency a on a.id = t.agency_id
         left join app_user u on u.id = t.assignee_id left join app_user c on c.id = t.completed_by_id
        where t.dossier_id = $1 order by t.id`, [d.id]),
    db.query<{ at: Date; action: string; data: Record<string, unknown> | null; actor: string | null; agencyCode: string | null; stepName: string | null; note: string | null; taskId: number | null }>(
      `select e.at, e.action, e.data, u.full_name as actor, a.code as "agencyCode", e.step_name as "stepName", e.note, e.task_id as "taskId"
         from dossier_event e left join app_user u on u.id = e.actor_id left join agency a on a.id = e.agency_id
        where e.dossier_id = $1 order by e.id`, [d.id]),
  ]);
  // The clock from the same rows (agencies by code), without the explanation: GET …/clock has it.
  const elementOf = new Map(tasks.map((t) => [t.id, t.elementId]));
  const { input } = clockInputOf(factsOf(d), history.map((e) => ({
    at: e.at, action: e.action, taskId: e.taskId, elementId: e.taskId === null ? null : elementOf.get(e.taskId) ?? null,
    agency: e.agencyCode, stepName: e.stepName, data: e.data,
  })), def);
  let clock: DossierView['clock'] = null;
  try {
    clock = clockSummary(dossierClock(services.calendar.get(), input, services.clock(), { explain: false }));
  } catch (err) {
    if (!(err instanceof ClockRuleError)) throw err;
  }
  return {
    code: d.code,
    procedure: { code: d.procedure, name: d.procedureName, version: d.version },
    receivingAgency: { code: d.receivingCode, name: d.receivingName },
    handlingAgency: { code: d.handlingCode, name: d.handlingName },
    channel: d.channel as DossierView['channel'],
    applicant: d.applicant,
    documents: d.documents,
    status: statusView(d.status),
    outcome: d.outcome,
    receivedAt: toIso(d.receivedAt),
    appointmentAt: toIso(d.appointmentAt),
    finishedAt: toIsoOrNull(d.finishedAt),
    definitionId: d.definition,
    tasks: tasks.map((t) => ({
      ...t, createdAt: toIso(t.createdAt), dueAt: toIsoOrNull(t.dueAt), completedAt: toIsoOrNull(t.completedAt),
      decisions: def.steps.find((s) => s.elementId === t.elementId)?.decisions ?? [],
    })),
    history: history.map((e) => ({
      at: toIso(e.at), action: e.action, label: actionLabel(e.action, e.data), actor: e.actor, agencyCode: e.agencyCode,
      stepName: e.stepName, note: e.note,
    })),
    clock,
  };
}
