import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency } from '../agencies/agency.entity.js';
import { User } from '../users/user.entity.js';
import { hashPassword } from '../auth/passwords.js';
import { DEMO_PASSWORD, demoAgencies, demoUsers } from './demo-data.js';

/** Inserts the demo province and officers unless they exist; safe to run on every start. */
export async function seedDemo(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    await tx.getConnection().execute('select pg_advisory_xact_lock(hashtext(?))', ['motcua:seed-demo'], 'all', tx.getTransactionContext());
    const byCode = new Map<string, Agency>((await tx.find(Agency, {})).map((a) => [a.code, a]));
    for (const a of demoAgencies) {
      if (byCode.has(a.code)) continue;
      const parent = a.parent ? byCode.get(a.parent)! : null;
      const agency = tx.create(Agency, { code: a.code, name: a.name, kind: a.kind, parent: parent?.id ?? null, tags: a.tags ?? [], path: '' });
      await tx.flush();
      agency.path = `${parent?.path ?? '/'}${agency.id}/`;
      byCode.set(a.code, agency);
    }
    const existing = new Set((await tx.find(User, {})).map((u) => u.username));
    const hash = await hashPassword(DEMO_PASSWORD);
    for (const u of demoUsers) {
      if (existing.has(u.username)) continue;
      tx.create(User, {
        username: u.username, fullName: u.fullName, passwordHash: hash, agency: byCode.get(u.agency)!.id,
        roles: u.roles, email: u.email ?? null, phone: u.phone ?? null,
      });
    }
  });
}
