import { createHash, randomBytes } from 'node:crypto';
import type { Sql } from '../db/database.js';
import { OFFICER_COLUMNS, type Officer } from './officer.js';

const SESSION_HOURS = 12;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** Opens a session; only the token's sha256 is stored, so a database leak yields no usable token. */
export async function openSession(db: Sql, userId: number): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db.query(`insert into session (token_hash, user_id, expires_at) values ($1, $2, now() + make_interval(hours => $3))`,
    [tokenHash(token), userId, SESSION_HOURS]);
  return token;
}

export function officerForToken(db: Sql, token: string): Promise<Officer | undefined> {
  return db.one<Officer>(
    `select ${OFFICER_COLUMNS} from session s join app_user u on u.id = s.user_id
      where s.token_hash = $1 and s.expires_at > now() and u.active`, [tokenHash(token)]);
}

export async function closeSession(db: Sql, token: string): Promise<void> {
  await db.query('delete from session where token_hash = $1', [tokenHash(token)]);
}
