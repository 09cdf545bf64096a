import { z } from 'zod';
import { CompleteRequest, InboxQuery } from '../contract/tasks.js';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { requireUser } from '../auth/middleware.js';
import { dossierView } from '../dossiers/dossier-view.js';
import { listInbox } from './inbox.js';
import { claimTask, unclaimTask } from './claim.js';
import { completeTask } from './complete.js';
import { taskView } from './task-view.js';

export const taskRoutes = createRouter();

const TaskId = z.coerce.number({ error: 'Mã công việc phải là số' }).int('Mã công việc phải là số nguyên').positive('Mã công việc không hợp lệ');

taskRoutes.get('/tasks', async (ctx) => {
  const user = requireUser(ctx);
  ctx.body = await listInbox(ctx.state.em, user, parse(InboxQuery, ctx.query, 'query'));
});

taskRoutes.post('/tasks/:id/claim', async (ctx) => {
  const user = requireUser(ctx);
  const task = await claimTask(ctx.state.em, user, parse(TaskId, ctx.params.id, 'taskId'));
  ctx.body = await taskView(ctx.state.em, task);
});

taskRoutes.post('/tasks/:id/unclaim', async (ctx) => {
  const user = requireUser(ctx);
  const task = await unclaimTask(ctx.state.em, user, parse(TaskId, ctx.params.id, 'taskId'));
  ctx.body = await taskView(ctx.state.em, task);
});

taskRoutes.post('/tasks/:id/complete', async (ctx) => {
  const user = requireUser(ctx);
  const body = parse(CompleteRequest, ctx.request.body ?? {});
  const dossier = await completeTask(ctx.state.em, ctx.services, user, parse(TaskId, ctx.params.id, 'taskId'), body);
  ctx.body = await dossierView(ctx.state.em, dossier);
});
