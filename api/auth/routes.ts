import { LoginRequest, type UserView } from '../contract/auth.js';
import type { Role } from '../contract/common.js';
import type { Sql } from '../db/database.js';
import { createRouter } from '../http/router.js';
import { parse } from '../http/validate.js';
import { HttpError } from '../http/errors.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { closeSession, openSession } from './sessions.js';
import { requireUser } from './middleware.js';
import { OFFICER_COLUMNS, type Officer } from './officer.js';

export const authRoutes = createRouter();

const dummyHash = hashPassword('motcua: no such user');

authRoutes.post('/auth/login', async (ctx) => {
  const body = parse(LoginRequest, ctx.request.body);
  const db = ctx.services.db;
  const user = await db.one<Officer & { passwordHash: string }>(
    `select ${OFFICER_COLUMNS}, u.password_hash as "passwordHash" from app_user u where u.username = $1 and u.active`, [body.username]);
  // An unknown user costs one argon2 verification too, so timing does not reveal which names exist.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), body.password);
  if (!user || !valid) {
    throw new HttpError(401, 'BAD_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng', `Failed login for ${body.username}`, 'password');
  }
  const token = await openSession(db, user.id);
  ctx.body = { token, user: await userView(db, user) };
});

authRoutes.post('/auth/logout', async (ctx) => {
  requireUser(ctx);
  await closeSession(ctx.services.db, ctx.state.token!);
  ctx.status = 204;
});

authRoutes.get('/me', async (ctx) => {
  ctx.body = await userView(ctx.services.db, requireUser(ctx));
});

async function userView(db: Sql, user: Officer): Promise<UserView> {
  const agency = (await db.one<{ code: string; name: string }>('select code, name from agency where id = $1', [user.agency]))!;
  return { id: user.id, username: user.username, fullName: user.fullName, agency, roles: user.roles as Role[] };
}
