import { z } from 'zod';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import type { Ctx } from '../http/state.js';
import { PublicVerifyRequest } from '../contract/dossiers.js';
import { clientKey, publicRateLimits, type PublicRateLimits } from './limits.js';
import { publicView, verifyApplicant } from './public-view.js';

export const publicRoutes = createRouter();

/**
 * A dossier code as printed on the receipt: `<agency code>-<YYMMDD>-<daily sequence>`, e.g.
 * 000.31.01.H99-260115-0001 (DESIGN §4). Surrounding blanks are dropped and letters upper-cased.
 */
export const DossierCode = z.string()
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string()
    .min(1, 'Vui lòng nhập mã hồ sơ')
    .max(60, 'Mã hồ sơ không hợp lệ: quá dài')
    .regex(/^[0-9A-Z.]{1,40}-\d{6}-\d{4,6}$/, 'Mã hồ sơ không đúng định dạng (ví dụ: 000.31.01.H99-260115-0001)'));

/**
 * Public status by code: 200 whether or not the code exists, with the same keys (`found` tells),
 * never any personal data. See docs in api/public/README.md.
 */
publicRoutes.get('/public/dossiers/:code', async (ctx) => {
  const code = parse(DossierCode, ctx.params.code, 'code');
  const limits = await publicRateLimits(ctx.services.db);
  await limits.lookup(clientOf(ctx, limits), code, headerSetter(ctx));
  ctx.set('Cache-Control', 'no-store');
  ctx.body = await publicView(ctx.services.db, code);
});

/**
 * The proof that unlocks the masked applicant name: the last 4 digits of the applicant's phone or
 * CCCD, in a POST body so it stays out of URLs, access logs and browser history. Wrong digits and
 * unknown codes give the same 200 `{ verified: false, applicant: null }`.
 */
publicRoutes.post('/public/dossiers/:code/verify', async (ctx) => {
  const code = parse(DossierCode, ctx.params.code, 'code');
  const { last4 } = parse(PublicVerifyRequest, ctx.request.body ?? {}, 'body');
  const limits = await publicRateLimits(ctx.services.db);
  const client = clientOf(ctx, limits);
  await limits.lookup(client, code, headerSetter(ctx));
  await limits.beginVerify(client, code, headerSetter(ctx));
  const result = await verifyApplicant(ctx.services.db, code, last4);
  if (result.verified) await limits.verified(client, code);
  ctx.set('Cache-Control', 'no-store');
  ctx.body = result;
});

/** The address the limits count; X-Forwarded-For only counts when the app sits behind proxies. */
const clientOf = (ctx: Ctx, limits: PublicRateLimits) =>
  clientKey(ctx.get('X-Forwarded-For') || undefined, ctx.socket.remoteAddress, ctx.app.proxy ? limits.settings.trustedProxyHops : 0);

const headerSetter = (ctx: Ctx) => (name: string, value: string) => ctx.set(name, value);
