import { demoAgencies, demoUsers } from '../../api/seed/demo-data.js';
import { Client } from './server.js';

/** The demo officer who works tasks of a group at an agency. */
export function officerFor(agencyCode: string, group: string): string {
  const user = demoUsers.find((u) => u.agency === agencyCode && u.roles.includes(group));
  if (!user) throw new Error(`no demo officer for ${group} at ${agencyCode}`);
  return user.username;
}

export const agencyCode = (name: string) => demoAgencies.find((a) => a.name.includes(name))!.code;

export const applicant = (overrides: Record<string, unknown> = {}) => ({
  fullName: 'Nguyễn Văn Ấn', idNumber: '001089001234', phone: '0912345678', email: 'an@example.vn',
  address: 'Số 1 đường Lê Lợi, phường An Khánh', ...overrides,
});

/**
 * Works a dossier to the end through the inbox like officers do: whoever holds the next open task's
 * group at its agency claims it and completes it; decision steps take `decide(stepName)`.
 */
export async function workToEnd(base: string, code: string, decide: (step: string) => 'approve' | 'reject' = () => 'approve') {
  const clients = new Map<string, Client>();
  const as = async (username: string) => {
    if (!clients.has(username)) clients.set(username, await Client.login(base, username));
    return clients.get(username)!;
  };
  const steps: string[] = [];
  for (let guard = 0; guard < 20; guard++) {
    const view = (await (await as('mc.admin')).get(`/api/dossiers/${code}`)).body;
    const open = view.tasks.find((t: any) => t.state === 'open');
    if (!open) return { view, steps };
    const officer = await as(officerFor(open.agencyCode, open.candidateGroups[0]));
    const inbox = await officer.get(`/api/tasks?scope=groups&q=${encodeURIComponent(code)}`);
    if (!inbox.body.items.some((i: any) => i.taskId === open.id)) throw new Error(`task ${open.name} not in the group inbox of ${officerFor(open.agencyCode, open.candidateGroups[0])}`);
    const claim = await officer.post(`/api/tasks/${open.id}/claim`);
    if (claim.status !== 200) throw new Error(`claim ${open.name}: ${claim.status} ${JSON.stringify(claim.body)}`);
    let res = await officer.post(`/api/tasks/${open.id}/complete`, { note: `Xong: ${open.name}` });
    if (res.status === 400 && res.body.error.code === 'DECISION_REQUIRED') {
      res = await officer.post(`/api/tasks/${open.id}/complete`, { decision: decide(open.name), note: 'Ý kiến thẩm định' });
    }
    if (res.status !== 200) throw new Error(`complete ${open.name}: ${res.status} ${JSON.stringify(res.body)}`);
    steps.push(open.name);
  }
  throw new Error('dossier did not finish in 20 steps');
}
