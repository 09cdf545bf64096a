import { expect } from 'vitest';
import { Client } from './server.js';
import { applicant } from './officers.js';

/** Receives a dossier of a procedure at a desk with every document ticked; returns the DossierView. */
export async function receive(desk: Client, procedureCode: string, overrides: Record<string, unknown> = {}) {
  const procedure = (await desk.get(`/api/procedures/${procedureCode}`)).body;
  const res = await desk.post('/api/dossiers', {
    procedureCode,
    applicant: applicant(),
    documents: procedure.documents.map((d: { key: string }) => ({ key: d.key, received: true })),
    ...overrides,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
