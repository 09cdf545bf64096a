import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { Client, startTestServer } from '../support/server.js';
import { applicant, workToEnd } from '../support/officers.js';
import { receive } from '../support/receive.js';
import catalogue from '../../processes/catalogue.json';

let app: Running;
let desk: Client;

beforeAll(async () => {
  app = await startTestServer();
  desk = await Client.login(app.url, 'motcua.xa1');
});
afterAll(() => app?.stop());

describe('the core loop on each catalogue procedure', () => {
  it('lists the three procedures with their documents and published versions', async () => {
    const res = await desk.get('/api/procedures');
    expect(res.status).toBe(200);
    expect(res.body.map((p: any) => p.code).sort()).toEqual(catalogue.map((c) => c.code).sort());
    for (const p of res.body) {
      expect(p.documents.length).toBeGreaterThan(0);
      expect(p.version).toBeGreaterThanOrEqual(1);
    }
  });

  for (const entry of catalogue) {
    it(`${entry.code} ${entry.name}: receipt → every step → result returned (approved)`, async () => {
      const dossier = await receive(desk, entry.code);
      expect(dossier.code).toMatch(/^000\.31\.01\.H99-\d{6}-\d{4}$/);
      expect(dossier.status.code).toBe(4);
      expect(new Date(dossier.appointmentAt).getTime()).toBeGreaterThan(new Date(dossier.receivedAt).getTime());
      const { view, steps } = await workToEnd(app.url, dossier.code, () => 'approve');
      expect(steps.length).toBeGreaterThanOrEqual(3);
      expect(view.status.code).toBe(10);
      expect(view.outcome).toBe('approved');
      expect(view.tasks.every((t: any) => t.state !== 'open')).toBe(true);
      expect(view.history.map((h: any) => h.action)).toEqual(expect.arrayContaining(['received', 'step_entered', 'step_completed', 'returned']));
    });
  }

  for (const entry of catalogue.filter((c) => c.code !== '1.001193')) {
    it(`${entry.code}: the reject branch ends refused, with the refusal returned to the citizen`, async () => {
      const dossier = await receive(desk, entry.code);
      const { view, steps } = await workToEnd(app.url, dossier.code, () => 'reject');
      expect(view.status.code).toBe(10);
      expect(view.outcome).toBe('refused');
      expect(steps.length).toBeGreaterThanOrEqual(2);
    });
  }

  it('the public look-up shows progress and no personal data', async () => {
    const dossier = await receive(desk, '1.001193');
    const res = await new Client(app.url).get(`/api/public/dossiers/${dossier.code}`);
    expect(res.status).toBe(200);
    expect(res.body.code).toBe(dossier.code);
    expect(res.body.steps.length).toBeGreaterThan(0);
    const text = JSON.stringify(res.body);
    for (const secret of [applicant().fullName, applicant().idNumber, applicant().phone, applicant().address, 'tuphap']) {
      expect(text).not.toContain(secret);
    }
  });

  it('serves the OpenAPI document and health', async () => {
    const open = await new Client(app.url).get('/api/openapi.json');
    expect(open.status).toBe(200);
    expect(open.body.paths['/api/dossiers'].post).toBeDefined();
    expect(open.body.components.schemas.ReceiveRequest.properties.applicant).toBeDefined();
    const health = await new Client(app.url).get('/api/health');
    expect(health.body).toEqual({ status: 'ok', database: 'up' });
  });
});
