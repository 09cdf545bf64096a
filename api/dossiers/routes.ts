import { z } from 'zod';
import { ReceiveRequest } from '../contract/dossiers.js';
import type { Sql } from '../db/database.js';
import type { Officer } from '../auth/officer.js';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { forbidden, notFound } from '../http/errors.js';
import { requireRole, requireUser } from '../auth/middleware.js';
import { receiveDossier } from './receive.js';
import { dossierView, findDossierHead, type DossierHead } from './dossier-view.js';

export const dossierRoutes = createRouter();

const IdempotencyKey = z.string().min(8, 'Idempotency-Key quá ngắn').max(100, 'Idempotency-Key quá dài').optional();

dossierRoutes.post('/dossiers', async (ctx) => {
  const user = requireRole(ctx, 'desk');
  const body = parse(ReceiveRequest, ctx.request.body);
  const key = parse(IdempotencyKey, ctx.get('idempotency-key') || undefined, 'Idempotency-Key');
  const code = await receiveDossier(ctx.services, user, body, key);
  ctx.status = 201;
  ctx.body = await dossierView(ctx.services, (await findDossierHead(ctx.services.db, code))!);
});

dossierRoutes.get('/dossiers/:code', async (ctx) => {
  const user = requireUser(ctx);
  const db = ctx.services.db;
  const dossier = await findDossierHead(db, ctx.params.code);
  if (!dossier) throw notFound(`Không tìm thấy hồ sơ "${ctx.params.code}"`, `No dossier ${ctx.params.code}`, 'code');
  if (!(await mayRead(db, user, dossier))) throw forbidden('Hồ sơ không thuộc cơ quan của bạn', `User ${user.username} has no access to ${dossier.code}`);
  ctx.body = await dossierView(ctx.services, dossier);
});

/** Officers of the receiving or handling agency, of any agency given a step, and admins. */
export async function mayRead(db: Sql, user: Officer, d: DossierHead): Promise<boolean> {
  if (user.roles.includes('admin') || d.receivingAgency === user.agency || d.handlingAgency === user.agency) return true;
  return Boolean(await db.one('select 1 from task where dossier_id = $1 and agency_id = $2 limit 1', [d.id, user.agency]));
}
