import Router from '@koa/router';
import type { AppContext, AppState } from './state.js';

/** A router whose handlers see our state (em, user) and services. */
export const createRouter = (prefix = '/api') => new Router<AppState, AppContext>({ prefix });
