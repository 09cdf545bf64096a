import type { Next } from 'koa';
import type { Role } from '../contract/common.js';
import type { AppState, Ctx } from '../http/state.js';
import { forbidden, unauthorized } from '../http/errors.js';
import { userForToken } from './sessions.js';
import type { User } from '../users/user.entity.js';

/** Loads the user of a Bearer token, if any; routes that need one call `requireUser`. */
export async function authenticate(ctx: Ctx, next: Next) {
  const header = ctx.get('authorization');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (match) {
    const user = await userForToken(ctx.state.em, match[1]);
    if (user) {
      ctx.state.user = user;
      ctx.state.token = match[1];
    }
  }
  await next();
}

export function requireUser(ctx: { state: AppState }): User {
  if (!ctx.state.user) throw unauthorized();
  return ctx.state.user;
}

export function requireRole(ctx: { state: AppState }, ...roles: Role[]): User {
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
