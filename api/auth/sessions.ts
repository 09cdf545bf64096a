import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Session } from './session.entity.js';
import { User } from '../users/user.entity.js';

const SESSION_HOURS = 12;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function openSession(em: EntityManager, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  em.create(Session, { tokenHash: tokenHash(token), user: userId, expiresAt: new Date(Date.now() + SESSION_HOURS * 3_600_000) });
  await em.flush();
  return token;
}

export async function userForToken(em: EntityManager, token: string): Promise<User | null> {
  const session = await em.findOne(Session, { tokenHash: tokenHash(token), expiresAt: { $gt: new Date() } });
  if (!session) return null;
  return em.findOne(User, { id: session.user, active: true });
}

export async function closeSession(em: EntityManager, token: string): Promise<void> {
  await em.nativeDelete(Session, { tokenHash: tokenHash(token) });
}
