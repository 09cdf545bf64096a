import Koa from 'koa';
import { bodyParser } from '@koa/bodyparser';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Services } from './services.js';
import type { AppState, Ctx } from './http/state.js';
import { errorMiddleware } from './http/error-middleware.js';
import { HttpError } from './http/errors.js';
import { authenticate } from './auth/middleware.js';
import { serveWeb } from './http/serve-web.js';
import { safeInput } from './http/safe-input.js';
import { healthRoutes } from './health/routes.js';
import { openApiRoutes } from './openapi/routes.js';
import { authRoutes } from './auth/routes.js';
import { procedureRoutes } from './procedures/routes.js';
import { dossierRoutes } from './dossiers/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { publicRoutes } from './public/routes.js';
import { calendarRoutes } from './calendar/routes.js';
import { noticeRoutes } from './notices/routes.js';
import { designerRoutes } from './designer/routes.js';
import { clockRoutes } from './clock/routes.js';
import { statisticsRoutes } from './statistics/routes.js';

const routers = [healthRoutes, openApiRoutes, authRoutes, procedureRoutes, dossierRoutes, taskRoutes, publicRoutes, calendarRoutes, noticeRoutes, designerRoutes, clockRoutes, statisticsRoutes];

/** The HTTP application: a tiny core of middleware, one router per domain, then the built web app. */
export function createApp(orm: MikroORM, services: Services, log: Logger, webDist?: string): Koa<AppState> {
  const app = new Koa<AppState>({ proxy: services.config.trustProxy });
  Object.assign(app.context, { services, log, orm });
  app.use(errorMiddleware(log));
  app.use(bodyParser({
    enableTypes: ['json'],
    // BPMN models travel as JSON strings and may reach 2 MB.
    jsonLimit: '3mb',
    onError: (err) => {
      const status = (err as { status?: number }).status;
      if (status === 413) throw new HttpError(413, 'TOO_LARGE', 'Dữ liệu gửi lên quá lớn (tối đa 3 MB)', 'Request body too large', 'body');
      if (status === 415) throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Định dạng nén dữ liệu không được hỗ trợ', `Unsupported encoding: ${err.message}`, 'body');
      throw new HttpError(400, 'MALFORMED_JSON', 'Dữ liệu gửi lên không phải JSON hợp lệ', `Malformed JSON body: ${err.message}`, 'body');
    },
  }));
  app.use(safeInput);
  app.use(async (ctx, next) => {
    ctx.state.em = orm.em.fork();
    await next();
  });
  app.use((ctx, next) => authenticate(ctx as unknown as Ctx, next));
  for (const router of routers) app.use(router.routes()).use(router.allowedMethods());
  if (webDist) app.use(serveWeb(webDist));
  return app;
}
