import type { ParameterizedContext } from 'koa';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { Officer } from '../auth/officer.js';
import type { Services } from '../services.js';

/** Per-request state: a forked entity manager and, once authenticated, the officer. */
export interface AppState {
  em: EntityManager;
  user?: Officer;
  token?: string;
}

/** Per-process collaborators every handler can reach on `ctx`. */
export interface AppContext {
  services: Services;
  log: Logger;
  orm: MikroORM;
}

export type Ctx = ParameterizedContext<AppState, AppContext>;
