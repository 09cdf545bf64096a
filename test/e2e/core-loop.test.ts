import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Running } from '../../api/server.js';
import { startTestServer } from '../support/server.js';
import { DEMO_PASSWORD } from '../../api/seed/demo-data.js';
import { SCREENSHOTS, launchChromium } from '../support/browser.js';
import { Client } from '../support/server.js';
import { officerFor } from '../support/officers.js';

let app: Running;
let browser: Browser;
const consoleErrors: string[] = [];

beforeAll(async () => {
  app = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function session(username: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${username}: ${m.text()}`); });
  page.on('pageerror', (e) => consoleErrors.push(`${username}: ${e.message}`));
  await page.goto(`${app.url}/login`);
  await page.fill('[data-test=login-username]', username);
  await page.fill('[data-test=login-password]', DEMO_PASSWORD);
  await page.click('[data-test=login-submit]');
  await page.waitForSelector('[data-test=user-name]');
  return page;
}

/** The officer finds the dossier in the group inbox, claims it, opens it and completes the step. */
async function workStep(username: string, code: string, decision: 'approve' | 'reject' | null, shot: string) {
  const page = await session(username);
  await page.click('[data-test=tab-groups]');
  const row = page.locator(`[data-test=inbox-row][data-code="${code}"]`);
  await row.waitFor();
  await row.locator('[data-test=claim]').click();
  await page.waitForSelector('[data-test=notice]');
  await page.click('[data-test=tab-mine]');
  await page.locator(`[data-test=inbox-row][data-code="${code}"]`).click();
  await page.waitForSelector('[data-test=task-action]');
  await page.fill('[data-test=complete-note]', `Ý kiến của ${username}`);
  await page.screenshot({ path: `${SCREENSHOTS}/${shot}.png` });
  await page.click(decision ? `[data-test=decision-${decision}]` : '[data-test=complete]');
  await page.waitForSelector('[data-test=task-action]', { state: 'detached' });
  const status = await page.textContent('[data-test=dossier-status]');
  await page.context().close();
  return status;
}

/** Opens the receiving desk and fills the form for a procedure, every document ticked. */
async function fillReceiveForm(desk: Page, search: string, procedureCode: string, idNumber: string) {
  await desk.click('[data-test=nav-receive]');
  await desk.fill('[data-test=receive-procedure-search]', search);
  await desk.selectOption('[data-test=receive-procedure]', procedureCode);
  await desk.waitForSelector('[data-test=receive-procedure-info]');
  await desk.fill('[data-test=receive-fullName]', 'Trần Văn Bình');
  await desk.fill('[data-test=receive-idNumber]', idNumber);
  await desk.fill('[data-test=receive-phone]', '0987654321');
  await desk.fill('[data-test=receive-address]', 'Thôn Đông, xã Tân Lập');
  for (const box of await desk.locator('[data-test^=receive-doc-]').all()) await box.check();
}

/** Submits the receiving form and reads the new dossier's code from the receipt. */
async function submitReceipt(desk: Page, shot: string): Promise<string> {
  await desk.click('[data-test=receive-submit]');
  await desk.waitForSelector('[data-test=receipt]');
  const code = (await desk.textContent('[data-test=receipt] [data-test=dossier-code]'))!.trim();
  expect(code).toMatch(/^000\.31\.01\.H99-\d{6}-\d{4}$/);
  expect(await desk.textContent('[data-test=receipt-appointment]')).toMatch(/\d{2}\/\d{2}\/\d{4}/);
  await desk.screenshot({ path: `${SCREENSHOTS}/${shot}.png` });
  return code;
}

async function receiveInBrowser(username: string, search: string, procedureCode: string, shot: string): Promise<string> {
  const desk = await session(username);
  await fillReceiveForm(desk, search, procedureCode, '034095001234');
  const code = await submitReceipt(desk, shot);
  await desk.context().close();
  return code;
}

/** Works every step in the browser, each by the officer of its group at its agency; returns the steps' agencies. */
async function workAllSteps(code: string, decide: 'approve' | 'reject', prefix: string) {
  const admin = await Client.login(app.url, 'mc.admin');
  const agencies: string[] = [];
  let status: string | null = null;
  for (let i = 0; i < 10; i++) {
    const open = (await admin.get(`/api/dossiers/${code}`)).body.tasks.find((t: { state: string }) => t.state === 'open');
    if (!open) return { agencies, status };
    agencies.push(open.agencyCode);
    status = await workStep(officerFor(open.agencyCode, open.candidateGroups[0]), code, open.decisions.length ? decide : null, `${prefix}-${i + 1}`);
  }
  throw new Error('too many steps');
}

describe('in Chromium: a birth registration from the desk to the returned result', () => {
  it('desk receives, specialist appraises, leader signs, desk returns the result', async () => {
    const desk = await session('motcua.xa1');
    await fillReceiveForm(desk, 'khai sinh', '1.001193', '00108900123');
    await desk.click('[data-test=receive-submit]');
    await desk.waitForSelector('[data-test=field-error-applicant-idNumber]');
    expect(await desk.textContent('[data-test=field-error-applicant-idNumber]')).toMatch(/12 chữ số/);
    await desk.screenshot({ path: `${SCREENSHOTS}/01-receive-error.png` });

    await desk.fill('[data-test=receive-idNumber]', '001089001234');
    const code = await submitReceipt(desk, '02-receipt');
    await desk.context().close();

    await workStep('tuphap.xa1', code, null, '03-specialist');
    await workStep('chutich.xa1', code, 'approve', '04-leader');
    const final = await workStep('motcua.xa1', code, null, '05-return');
    expect(final).toMatch(/Đã trả kết quả/);

    const check = await session('motcua.xa1');
    await check.goto(`${app.url}/dossiers/${code}`);
    await check.waitForSelector('[data-test=history-row]');
    await check.waitForSelector('[data-test=dossier-diagram] svg');
    expect(await check.locator('[data-test=history-row]').count()).toBeGreaterThanOrEqual(7);
    await check.screenshot({ path: `${SCREENSHOTS}/06-dossier-done.png`, fullPage: true });
    await check.context().close();

    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});

describe('in Chromium: the other procedures', () => {
  it('household business registration refused at appraisal: the refusal is returned by the desk', async () => {
    const code = await receiveInBrowser('motcua.xa1', 'hộ kinh doanh', '1.001612', '10-household-receipt');
    const { agencies, status } = await workAllSteps(code, 'reject', '11-household');
    expect(agencies.length).toBe(2);
    expect(status).toMatch(/Đã trả kết quả/);
  });

  it('first land-use certificate across commune, tax, land registry and the department', async () => {
    const code = await receiveInBrowser('motcua.xa1', 'đất đai', '1.013978', '20-land-receipt');
    const { agencies, status } = await workAllSteps(code, 'approve', '21-land');
    expect(new Set(agencies).size).toBeGreaterThanOrEqual(4);
    expect(status).toMatch(/Đã trả kết quả/);
    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
