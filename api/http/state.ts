import type { ParameterizedContext } from 'koa';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { User } from '../users/user.entity.js';
import type { Services } from '../services.js';

/** Per-request state: a forked entity manager and, once authenticated, the user. */
export interface AppState {
  em: EntityManager;
  user?: User;
  token?: string;
}

/** Per-process collaborators every handler can reach on `ctx`. */
export interface AppContext {
  services: Services;
  log: Logger;
  orm: MikroORM;
}

export type Ctx = ParameterizedContext<AppState, AppContext>;
