import { LoginRequest } from '../contract/auth.js';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { HttpError } from '../http/errors.js';
import { User } from '../users/user.entity.js';
import { Agency } from '../agencies/agency.entity.js';
import { verifyPassword } from './passwords.js';
import { closeSession, openSession } from './sessions.js';
import { requireUser } from './middleware.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { UserView } from '../contract/auth.js';
import type { Role } from '../contract/common.js';

export const authRoutes = createRouter();

authRoutes.post('/auth/login', async (ctx) => {
  const body = parse(LoginRequest, ctx.request.body);
  const em = ctx.state.em;
  const user = await em.findOne(User, { username: body.username, active: true });
  if (!user || !(await verifyPassword(user.passwordHash, body.password))) {
    throw new HttpError(401, 'BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng', `Failed login for ${body.username}`, 'password');
  }
  const token = await openSession(em, user.id);
  ctx.body = { token, user: await userView(em, user) };
});

authRoutes.post('/auth/logout', async (ctx) => {
  requireUser(ctx);
  await closeSession(ctx.state.em, ctx.state.token!);
  ctx.status = 204;
});

authRoutes.get('/me', async (ctx) => {
  ctx.body = await userView(ctx.state.em, requireUser(ctx));
});

export async function userView(em: EntityManager, user: User): Promise<UserView> {
  const agency = await em.findOneOrFail(Agency, user.agency);
  return { id: user.id, username: user.username, fullName: user.fullName, agency: { code: agency.code, name: agency.name }, roles: user.roles as Role[] };
}
