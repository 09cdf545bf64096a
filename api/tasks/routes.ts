import { z } from 'zod';
import { CompleteRequest, InboxQuery } from '../contract/tasks.js';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { requireUser } from '../auth/middleware.js';
import { dossierView, findDossierHead } from '../dossiers/dossier-view.js';
import { listInbox } from './inbox.js';
import { claimTask, unclaimTask } from './claim.js';
import { completeTask } from './complete.js';
import { taskView } from './task-view.js';

export const taskRoutes = createRouter();

const TaskId = z.string().regex(/^[1-9]\d{0,14}$/, 'Mã công việc không hợp lệ').transform(Number);

taskRoutes.get('/tasks', async (ctx) => {
  const user = requireUser(ctx);
  ctx.body = await listInbox(ctx.services.db, user, parse(InboxQuery, ctx.query, 'query'));
});

taskRoutes.post('/tasks/:id/claim', async (ctx) => {
  const user = requireUser(ctx);
  const id = parse(TaskId, ctx.params.id, 'taskId');
  await claimTask(ctx.services.db, user, id);
  ctx.body = await taskView(ctx.services, id);
});

taskRoutes.post('/tasks/:id/unclaim', async (ctx) => {
  const user = requireUser(ctx);
  const id = parse(TaskId, ctx.params.id, 'taskId');
  await unclaimTask(ctx.services.db, user, id);
  ctx.body = await taskView(ctx.services, id);
});

taskRoutes.post('/tasks/:id/complete', async (ctx) => {
  const user = requireUser(ctx);
  const body = parse(CompleteRequest, ctx.request.body ?? {});
  const code = await completeTask(ctx.services, user, parse(TaskId, ctx.params.id, 'taskId'), body);
  ctx.body = await dossierView(ctx.services, (await findDossierHead(ctx.services.db, code))!);
});
