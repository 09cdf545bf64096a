import { z } from 'zod';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { notFound } from '../http/errors.js';
import { Dossier } from '../dossiers/dossier.entity.js';
import { publicView } from './public-view.js';

export const publicRoutes = createRouter();

const DossierCode = z.string().trim().min(5, 'Mã hồ sơ không hợp lệ').max(60, 'Mã hồ sơ không hợp lệ').regex(/^[A-Za-z0-9.\-]+$/, 'Mã hồ sơ chỉ gồm chữ, số, dấu chấm và gạch ngang');

publicRoutes.get('/public/dossiers/:code', async (ctx) => {
  const code = parse(DossierCode, ctx.params.code, 'code');
  const dossier = await ctx.state.em.findOne(Dossier, { code });
  if (!dossier) throw notFound(`Không tìm thấy hồ sơ "${code}"`, `No dossier ${code}`, 'code');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await publicView(ctx.state.em, dossier);
});
