import type { Next } from 'koa';
import type { Role } from '../contract/common.js';
import type { AppState, Ctx } from '../http/state.js';
import { forbidden, unauthorized } from '../http/errors.js';
import { officerForToken } from './sessions.js';
import type { Officer } from './officer.js';

/** Loads the officer of a Bearer token, if any; routes that need one call `requireUser`. */
export async function authenticate(ctx: Ctx, next: Next) {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.get('authorization'));
  if (match) {
    const user = await officerForToken(ctx.services.db, match[1]);
    if (user) {
      ctx.state.user = user;
      ctx.state.token = match[1];
    }
  }
  await next();
}

export function requireUser(ctx: { state: AppState }): Officer {
  if (!ctx.state.user) throw unauthorized();
  return ctx.state.user;
}

export function requireRole(ctx: { state: AppState }, ...roles: Role[]): Officer {
  const user = requireUser(ctx);
  if (!roles.some((r) => user.roles.includes(r))) {
    throw forbidden(`Chức năng này dành cho vai trò: ${roles.map(roleLabel).join(', ')}`, `Requires one of roles ${roles.join(', ')}`);
  }
  return user;
}

const labels: Record<Role, string> = {
  admin: 'quản trị', designer: 'thiết kế quy trình', desk: 'một cửa', specialist: 'chuyên viên', leader: 'lãnh đạo',
};
export const roleLabel = (r: Role) => labels[r];
