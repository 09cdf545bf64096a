import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { Client, startTestServer } from '../support/server.js';
import { receive } from '../support/receive.js';

let app: Running;
let now = new Date();

beforeAll(async () => {
  app = await startTestServer(() => now);
});
afterAll(() => app?.stop());

async function receiveAt(instant: string, procedureCode: string) {
  now = new Date(instant);
  return receive(await Client.login(app.url, 'motcua.xa1'), procedureCode);
}

describe('appointments on the Vietnamese working calendar', () => {
  it('3 working days received Friday after 15:00 before Tết 2026 skip the weekend and the five Tết days', async () => {
    // Tết Bính Ngọ: civil servants off 16–20/02/2026 (Thông báo 9441/TB-BNV).
    const d = await receiveAt('2026-02-13T15:30:00+07:00', '1.001612');
    expect(d.receivedAt).toBe('2026-02-13T15:30:00+07:00');
    expect(d.appointmentAt).toBe('2026-02-25T17:00:00+07:00');
  });

  it('a same-day birth registration received before 15:00 is due at 17:00 that day', async () => {
    const d = await receiveAt('2026-03-10T09:15:00+07:00', '1.001193');
    expect(d.appointmentAt).toBe('2026-03-10T17:00:00+07:00');
  });

  it('a same-day birth registration received after 15:00 on Thursday 30/04 eve is due on the next working day', async () => {
    // 30/4 and 1/5/2026 are holidays (Thursday, Friday): received Wednesday 29/4 at 16:00 → Monday 4/5.
    const d = await receiveAt('2026-04-29T16:00:00+07:00', '1.001193');
    expect(d.appointmentAt).toBe('2026-05-04T17:00:00+07:00');
  });

  it('step deadlines follow the model durations in working time', async () => {
    const d = await receiveAt('2026-03-10T09:15:00+07:00', '1.001612');
    const step = d.tasks.find((t: { state: string }) => t.state === 'open');
    // Appraisal: 2 working days from 09:15 Tuesday → 09:15 Thursday.
    expect(step.dueAt).toBe('2026-03-12T09:15:00+07:00');
  });
});
