import { createRouter } from '../http/router.js';

export const healthRoutes = createRouter();

healthRoutes.get('/health', async (ctx) => {
  try {
    await ctx.services.db.query('select 1');
    ctx.body = { status: 'ok', database: 'up' };
  } catch (err) {
    ctx.log.error({ err }, 'health check: database unreachable');
    ctx.status = 503;
    ctx.body = { status: 'unavailable', database: 'down' };
  }
});
