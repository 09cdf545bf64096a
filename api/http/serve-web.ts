import type { Middleware } from 'koa';
import { send } from '@koa/send';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Serves the built Vue app; any other non-API GET gets index.html so client-side routes
 * (/dossiers/…) survive a reload. Hashed assets are cached for a year, index.html never.
 */
export function serveWeb(root: string): Middleware {
  const hasIndex = existsSync(join(root, 'index.html'));
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
    const file = ctx.path !== '/' && existsSync(join(root, ctx.path)) ? ctx.path : '/index.html';
    await send(ctx, file, { root });
  };
}
