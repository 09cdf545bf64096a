import { z } from 'zod';
import { ClockRuleError, type ClockEvent, type ClockInput } from '../../engine/clock/index.js';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { HttpError, forbidden, notFound } from '../http/errors.js';
import { requireRole, requireUser } from '../auth/middleware.js';
import { findDossierHead } from '../dossiers/dossier-view.js';
import { mayRead } from '../dossiers/routes.js';
import { toIso, toIsoOrNull } from '../time.js';
import { clockHttpError, clockView, dossierClock } from './compute.js';
import { ClockPreviewRequest, type RecomputeJobView } from './contract.js';
import { factsOf } from './materialise.js';
import { clockInputOf, type SourceEvent } from './source.js';

/**
 * The dossier clock over HTTP: a stored dossier's clock with its day-by-day explanation, the
 * what-if preview (the same computation on typed-in events), and the recompute jobs.
 */
export const clockRoutes = createRouter();

const Explain = z.enum(['true', 'false'], { error: 'explain phải là true hoặc false' }).optional();

clockRoutes.get('/dossiers/:code/clock', async (ctx) => {
  const user = requireUser(ctx);
  const { db, definitions, calendar } = ctx.services;
  const explain = parse(Explain, ctx.query.explain, 'explain') !== 'false';
  const d = await findDossierHead(db, ctx.params.code);
  if (!d) throw notFound(`Không tìm thấy hồ sơ "${ctx.params.code}"`, `No dossier ${ctx.params.code}`, 'code');
  if (!(await mayRead(db, user, d))) throw forbidden('Hồ sơ không thuộc cơ quan của bạn', `User ${user.username} has no access to ${d.code}`);

  const [events, def, stored] = await Promise.all([
    db.query<SourceEvent>(
      `select e.at, e.action, e.task_id as "taskId", t.element_id as "elementId", a.code as agency, e.step_name as "stepName", e.data
         from dossier_event e left join task t on t.id = e.task_id left join agency a on a.id = e.agency_id
        where e.dossier_id = $1 order by e.at, e.id`, [d.id]),
    definitions.get(db, d.definition),
    db.one<{ verdict: string | null; dueAt: Date | null; finishedAt: Date | null; returnedAt: Date | null; lateAgencies: string[]; light: boolean | null;
      revision: number | null; computedAt: Date | null; error: string | null }>(
      `select c.verdict, c.due_at as "dueAt", c.finished_at as "finishedAt", c.returned_at as "returnedAt",
              coalesce((select array_agg(a.code order by x.i) from unnest(c.late_agency_ids) with ordinality x(id, i) join agency a on a.id = x.id), '{}') as "lateAgencies",
              c.light, c.revision, c.computed_at as "computedAt", c.error
         from dossier_clock c where c.dossier_id = $1`, [d.id]),
  ]);
  const { input } = clockInputOf(factsOf(d), events, def);
  const cal = calendar.get();
  const revision = calendar.currentRevision;
  let result;
  try {
    result = dossierClock(cal, input, ctx.services.clock(), { explain });
  } catch (err) {
    if (err instanceof ClockRuleError) throw clockHttpError(err, 422, 'input.');
    throw err;
  }
  ctx.body = {
    code: d.code,
    ...clockView(result),
    input: { ...input, events: input.events.map((e) => ({ ...e, at: toIso(e.at as Date) })) },
    stored: stored
      ? {
          verdict: stored.verdict, dueAt: toIsoOrNull(stored.dueAt), finishedAt: toIsoOrNull(stored.finishedAt), returnedAt: toIsoOrNull(stored.returnedAt),
          lateAgencies: stored.lateAgencies, light: stored.light, calendarRevision: stored.revision, computedAt: toIsoOrNull(stored.computedAt), error: stored.error,
        }
      : null,
    calendarRevision: revision,
  };
});

/** Instants a preview may use: the calendar covers 1900–2198; a what-if needs far less. */
const YEARS = [2000, 2100] as const;

clockRoutes.post('/clock/preview', async (ctx) => {
  requireUser(ctx);
  const body = parse(ClockPreviewRequest, ctx.request.body);
  if (body.agencyCode !== undefined) {
    const agency = await ctx.services.db.one('select 1 from agency where code = $1', [body.agencyCode]);
    if (!agency) throw new HttpError(400, 'UNKNOWN_AGENCY', `Không tìm thấy cơ quan có mã "${body.agencyCode}"`, `Unknown agency ${body.agencyCode}`, 'agencyCode');
  }
  checkYears(body.now, 'now');
  body.events.forEach((e, i) => {
    checkYears(e.at, `events.${i}.at`);
    checkYears(e.newAppointment, `events.${i}.newAppointment`);
  });
  // Steps without an agency are the preview agency's (the handling agency of a real dossier).
  const events = body.events.map((e) =>
    (e.type === 'step_entered' && e.agencyCode === undefined && body.agencyCode !== undefined ? { ...e, agencyCode: body.agencyCode } : e)) as unknown as ClockEvent[];
  const input: ClockInput = {
    limit: body.limit as ClockInput['limit'],
    events,
    ...(body.ruleSet !== undefined ? { ruleSet: body.ruleSet as ClockInput['ruleSet'] } : {}),
    ...(body.supplementRestarts !== undefined ? { supplementRestarts: body.supplementRestarts } : {}),
  };
  try {
    ctx.body = clockView(dossierClock(ctx.services.calendar.get(), input, body.now ?? ctx.services.clock(), { explain: body.explain !== false }));
  } catch (err) {
    if (err instanceof ClockRuleError) throw clockHttpError(err, 400);
    throw err;
  }
});

function checkYears(value: string | number | undefined, field: string): void {
  if (value === undefined) return;
  const ms = typeof value === 'number' ? value : Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value.length === 10 ? `${value}T00:00` : value}+07:00`);
  if (!Number.isFinite(ms)) return; // the clock names it (invalid_time)
  const year = new Date(ms).getUTCFullYear();
  if (year < YEARS[0] || year > YEARS[1]) {
    throw new HttpError(400, 'OUT_OF_RANGE', `Thời điểm phải nằm trong các năm ${YEARS[0]}–${YEARS[1]}`, `${field}: year ${year} outside ${YEARS.join('–')}`, field);
  }
}

// ——— recompute jobs (administrators) ————————————————————————————————————————————————

const JOB_COLUMNS = `j.id, j.calendar_revision as "calendarRevision", j.state, j.total, j.done, j.moved, j.tasks_moved as "tasksMoved",
  j.claimed_by as "claimedBy", j.error, j.created_at as "createdAt", j.started_at as "startedAt", j.finished_at as "finishedAt"`;

type JobRow = Omit<RecomputeJobView, 'createdAt' | 'startedAt' | 'finishedAt' | 'moves'> & { createdAt: Date; startedAt: Date | null; finishedAt: Date | null };
const jobView = (j: JobRow, moves: RecomputeJobView['moves']): RecomputeJobView =>
  ({ ...j, createdAt: toIso(j.createdAt), startedAt: toIsoOrNull(j.startedAt), finishedAt: toIsoOrNull(j.finishedAt), moves });

const JobId = z.coerce.number({ error: 'Mã công việc phải là số' }).int('Mã công việc phải là số nguyên').positive('Mã công việc phải là số dương');
const JobsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100, 'Tối đa 100 công việc').default(20) });

clockRoutes.get('/admin/recompute-jobs', async (ctx) => {
  requireRole(ctx, 'admin');
  const { limit } = parse(JobsQuery, ctx.query, 'query');
  const rows = await ctx.services.db.query<JobRow>(`select ${JOB_COLUMNS} from clock_recompute_job j order by j.id desc limit $1`, [limit]);
  ctx.body = rows.map((j) => jobView(j, []));
});

clockRoutes.get('/admin/recompute-jobs/:id', async (ctx) => {
  requireRole(ctx, 'admin');
  const id = parse(JobId, ctx.params.id, 'id');
  const db = ctx.services.db;
  const job = await db.one<JobRow>(`select ${JOB_COLUMNS} from clock_recompute_job j where j.id = $1`, [id]);
  if (!job) throw notFound(`Không tìm thấy công việc tính lại hạn số ${id}`, `No recompute job ${id}`, 'id');
  const moves = await db.query<{ code: string; oldDueAt: Date | null; newDueAt: Date | null; oldAppointmentAt: Date | null; newAppointmentAt: Date | null }>(
    `select d.code, m.old_due_at as "oldDueAt", m.new_due_at as "newDueAt", m.old_appointment_at as "oldAppointmentAt", m.new_appointment_at as "newAppointmentAt"
       from clock_recompute_move m join dossier d on d.id = m.dossier_id where m.job_id = $1 order by d.code limit 200`, [id]);
  ctx.body = jobView(job, moves.map((m) => ({
    code: m.code, oldDueAt: toIsoOrNull(m.oldDueAt), newDueAt: toIsoOrNull(m.newDueAt),
    oldAppointmentAt: toIsoOrNull(m.oldAppointmentAt), newAppointmentAt: toIsoOrNull(m.newAppointmentAt),
  })));
});
