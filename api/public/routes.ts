import { z } from 'zod';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { notFound } from '../http/errors.js';
import { findDossierHead } from '../dossiers/dossier-view.js';
import { publicView } from './public-view.js';

export const publicRoutes = createRouter();

const DossierCode = z.string().trim().min(5, 'Mã hồ sơ không hợp lệ').max(60, 'Mã hồ sơ không hợp lệ').regex(/^[A-Za-z0-9.\-]+$/, 'Mã hồ sơ chỉ gồm chữ, số, dấu chấm và gạch ngang');

publicRoutes.get('/public/dossiers/:code', async (ctx) => {
  const code = parse(DossierCode, ctx.params.code, 'code');
  const dossier = await findDossierHead(ctx.services.db, code);
  if (!dossier) throw notFound(`Không tìm thấy hồ sơ "${code}"`, `No dossier ${code}`, 'code');
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await publicView(ctx.services.db, dossier);
});
