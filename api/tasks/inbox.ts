import type { Sql } from '../db/database.js';
import type { InboxPage, InboxQuery } from '../contract/tasks.js';
import type { Officer } from '../auth/officer.js';
import { toIso, toIsoOrNull } from '../time.js';

interface Row {
  task_id: string; dossier_code: string; applicant_name: string; procedure_code: string; procedure_name: string;
  step_name: string; assignee: string | null; received_at: Date; due_at: Date | null; appointment_at: Date;
}

/**
 * An officer's inbox: "mine" = open tasks held by the user; "groups" = unclaimed open tasks of the
 * user's agency for one of the user's roles. Both read a partial index on open tasks, so the cost
 * follows the size of the inbox, not of the dossier table. One row more than the page tells hasMore.
 */
export async function listInbox(db: Sql, user: Officer, q: InboxQuery): Promise<InboxPage> {
  const where: string[] = ["t.state = 'open'"];
  const params: unknown[] = [];
  const p = (value: unknown) => `$${params.push(value)}`;
  if (q.scope === 'mine') {
    where.push(`t.assignee_id = ${p(user.id)}`);
  } else {
    where.push('t.assignee_id is null', `t.agency_id = ${p(user.agency)}`, `t.candidate_groups && ${p(user.roles)}::text[]`);
  }
  if (q.procedureCode) {
    where.push(`d.procedure_code = ${p(q.procedureCode)}`);
  }
  if (q.q) {
    const term = p(q.q);
    where.push(`(d.code = ${term} or d.applicant_id_number = ${term} or d.applicant_name ilike ${p(`%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`)})`);
  }
  const limit = p(q.pageSize + 1);
  const offset = p((q.page - 1) * q.pageSize);
  const rows = await db.query<Row>(
    `select t.id as task_id, d.code as dossier_code, d.applicant_name, d.procedure_code, p.name as procedure_name,
            t.name as step_name, u.username as assignee, d.received_at, t.due_at, d.appointment_at
       from task t
       join dossier d on d.id = t.dossier_id
       join procedure p on p.code = d.procedure_code
       left join app_user u on u.id = t.assignee_id
      where ${where.join(' and ')}
      order by t.created_at, t.id
      limit ${limit} offset ${offset}`,
    params,
  );
  return {
    items: rows.slice(0, q.pageSize).map((r) => ({
      taskId: Number(r.task_id), dossierCode: r.dossier_code, applicantName: r.applicant_name,
      procedureCode: r.procedure_code, procedureName: r.procedure_name, stepName: r.step_name, assignee: r.assignee,
      receivedAt: toIso(r.received_at), stepDueAt: toIsoOrNull(r.due_at), appointmentAt: toIso(r.appointment_at),
    })),
    page: q.page,
    pageSize: q.pageSize,
    hasMore: rows.length > q.pageSize,
  };
}
