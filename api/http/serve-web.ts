import type { Middleware } from 'koa';
import { send } from '@koa/send';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Public status look-up for citizens (`/tra-cuu`, `/tra-cuu/<code>` from the receipt's QR code). */
const STATUS_PAGE = '/tra-cuu';
const SAFE_FILE = /^\/[A-Za-z0-9_-][A-Za-z0-9._-]*$/;
const STATUS_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * Serves the built Vue app; any other non-API GET gets index.html so client-side routes
 * (/dossiers/…) survive a reload, except /tra-cuu[/<code>], which gets the citizens' status page
 * (web/status). Hashed assets are cached for a year, the HTML pages never.
 */
export function serveWeb(root: string): Middleware {
  const hasIndex = existsSync(join(root, 'index.html'));
  const hasStatus = existsSync(join(root, 'status', 'index.html'));
  return async (ctx, next) => {
    if ((ctx.method !== 'GET' && ctx.method !== 'HEAD') || ctx.path.startsWith('/api/') || !hasIndex) return next();
    if (ctx.path.startsWith('/assets/')) {
      try {
        await send(ctx, ctx.path, { root, immutable: true, maxage: 365 * 24 * 3600 * 1000 });
        return;
      } catch {
        return next();
      }
    }
    ctx.set('Cache-Control', 'no-cache');
    if (ctx.path === STATUS_PAGE || ctx.path.startsWith(`${STATUS_PAGE}/`)) {
      if (!hasStatus) return next();
      // The citizens' status page: its own small bundle, no officer app code.
      ctx.set('Content-Security-Policy', STATUS_CSP);
      ctx.set('Referrer-Policy', 'no-referrer');
      ctx.set('X-Content-Type-Options', 'nosniff');
      await send(ctx, '/status/index.html', { root });
      return;
    }
    // Only the build's own top-level files (favicon…) are served by name; nothing is looked up
    // outside web/dist, and every other path is a client-side route.
    const file = SAFE_FILE.test(ctx.path) && existsSync(join(root, ctx.path)) ? ctx.path : '/index.html';
    await send(ctx, file, { root });
  };
}
