import { z } from 'zod';
import { ReceiveRequest } from '../contract/dossiers.js';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { forbidden, notFound } from '../http/errors.js';
import { requireRole, requireUser } from '../auth/middleware.js';
import { Dossier } from './dossier.entity.js';
import { receiveDossier } from './receive.js';
import { dossierView } from './dossier-view.js';
import { Task } from '../tasks/task.entity.js';

export const dossierRoutes = createRouter();

const IdempotencyKey = z.string().min(8, 'Idempotency-Key quá ngắn').max(100, 'Idempotency-Key quá dài').optional();

dossierRoutes.post('/dossiers', async (ctx) => {
  const user = requireRole(ctx, 'desk');
  const body = parse(ReceiveRequest, ctx.request.body);
  const key = parse(IdempotencyKey, ctx.get('idempotency-key') || undefined, 'Idempotency-Key');
  const dossier = await receiveDossier(ctx.state.em, ctx.services, user, body, key);
  ctx.status = 201;
  ctx.body = await dossierView(ctx.state.em, dossier);
});

dossierRoutes.get('/dossiers/:code', async (ctx) => {
  const user = requireUser(ctx);
  const em = ctx.state.em;
  const dossier = await em.findOne(Dossier, { code: ctx.params.code });
  if (!dossier) throw notFound(`Không tìm thấy hồ sơ "${ctx.params.code}"`, `No dossier ${ctx.params.code}`, 'code');
  const involved = [dossier.receivingAgency, dossier.handlingAgency].includes(user.agency)
    || user.roles.includes('admin')
    || (await em.count(Task, { dossier: dossier.id, agency: user.agency })) > 0;
  if (!involved) throw forbidden('Hồ sơ không thuộc cơ quan của bạn', `User ${user.username} has no access to ${dossier.code}`);
  ctx.body = await dossierView(em, dossier);
});
