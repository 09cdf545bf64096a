import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Running } from '../../api/server.js';
import { Client, startTestServer } from '../support/server.js';
import { SCREENSHOTS, launchChromium } from '../support/browser.js';
import { applicant, officerFor } from '../support/officers.js';
import { receive } from '../support/receive.js';
import { demoUsers } from '../../api/seed/demo-data.js';

let app: Running;
let browser: Browser;

beforeAll(async () => {
  app = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

/** A citizen's phone: 360×740, touch, Vietnamese, and a clock set abroad so the page must use Vietnam time itself. */
async function phone() {
  const context = await browser.newContext({
    viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1,
    locale: 'vi-VN', timezoneId: 'Europe/Paris',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const scripts: Array<{ url: string; bytes: number }> = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') scripts.push({ url: r.url(), bytes: (await r.body()).length });
  });
  return { page, errors, scripts };
}

/** "2026-01-20T17:00:00+07:00" → "20/01/2026 17:00": the API already speaks Vietnam time. */
const vnDate = (iso: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso)!;
  return `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}`;
};

const noHorizontalScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('in Chromium on a phone: the public status page', () => {
  it('opens from the receipt link, shows status and steps, and the masked name after the last 4 phone digits', async () => {
    // The desk receives a dossier; the specialist finishes the first step, so the timeline has a done and an open step.
    const desk = await Client.login(app.url, 'motcua.xa1');
    const received = await receive(desk, '1.001193');
    const code: string = received.code;
    const first = received.tasks.find((t: any) => t.state === 'open');
    const officer = await Client.login(app.url, officerFor(first.agencyCode, first.candidateGroups[0]));
    expect((await officer.post(`/api/tasks/${first.id}/claim`)).status).toBe(200);
    expect((await officer.post(`/api/tasks/${first.id}/complete`, { note: 'Đã thẩm tra' })).status).toBe(200);
    const publicView = (await new Client(app.url).get(`/api/public/dossiers/${code}`)).body;

    const { page, errors, scripts } = await phone();
    const response = await page.goto(`${app.url}/tra-cuu/${code}`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['content-security-policy']).toContain("default-src 'self'");
    await page.waitForSelector('[data-test=status-result]');

    expect(await page.inputValue('[data-test=status-code-input]')).toBe(code);
    expect((await page.textContent('[data-test=status-label]'))!.trim()).toBe('Đang xử lý');
    expect(await page.textContent('[data-test=status-procedure]')).toBe(publicView.procedureName);
    expect(await page.textContent('[data-test=status-receiving]')).toBe('UBND phường An Khánh');
    expect(await page.textContent('[data-test=status-handling]')).toBe(publicView.handlingAgency);
    expect(await page.textContent('[data-test=status-received]')).toBe(vnDate(publicView.receivedAt));
    expect(await page.textContent('[data-test=status-appointment]')).toBe(vnDate(publicView.appointmentAt));
    await expect(page.locator('[data-test=status-receipt-step]').count()).resolves.toBe(1);
    const steps = page.locator('[data-test=status-step]');
    expect(await steps.count()).toBe(publicView.steps.length);
    expect(await steps.first().getAttribute('data-state')).toBe('done');
    expect(await steps.last().getAttribute('data-state')).toBe('open');
    expect(await steps.first().textContent()).toContain(publicView.steps[0].name);

    const before = await page.textContent('body');
    for (const secret of [applicant().fullName, 'Nguyễn', applicant().phone, applicant().idNumber, applicant().address, ...demoUsers.map((u) => u.fullName), 'Đã thẩm tra']) {
      expect(before).not.toContain(secret);
    }
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/public-status-01-phone.png`, fullPage: true });

    // Wrong digits: a plain refusal, no name.
    await page.fill('[data-test=verify-input]', '0000');
    await page.click('[data-test=verify-submit]');
    await page.waitForSelector('[data-test=verify-error]');
    expect(await page.locator('[data-test=applicant-name]').count()).toBe(0);

    // The last 4 digits of the applicant's phone: the masked name.
    await page.fill('[data-test=verify-input]', applicant().phone.slice(-4));
    await page.click('[data-test=verify-submit]');
    await page.waitForSelector('[data-test=applicant-name]');
    expect(await page.textContent('[data-test=applicant-name]')).toBe('Nguyễn V. A.');
    expect(await page.textContent('body')).not.toContain(applicant().fullName);
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.locator('[data-test=verify-form]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}/public-status-02-verified.png`, fullPage: true });

    // Its own light bundle: nothing of the officers' app.
    expect(scripts.some((s) => /\/assets\/(index|ProcessDiagram)-/.test(s.url))).toBe(false);
    const jsBytes = scripts.reduce((sum, s) => sum + s.bytes, 0);
    expect(jsBytes).toBeLessThan(30_000);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('takes a code typed in the form, and says so plainly when there is no such dossier or the code is malformed', async () => {
    const { page, errors } = await phone();
    await page.goto(`${app.url}/tra-cuu`);
    await page.fill('[data-test=status-code-input]', 'abc');
    await page.click('[data-test=status-submit]');
    expect(await page.textContent('[data-test=status-error]')).toMatch(/không đúng định dạng/);

    await page.fill('[data-test=status-code-input]', '000.31.01.h99-250101-0042');
    await page.click('[data-test=status-submit]');
    await page.waitForSelector('[data-test=status-not-found]');
    expect(page.url()).toBe(`${app.url}/tra-cuu/000.31.01.H99-250101-0042`);
    expect(await page.textContent('[data-test=status-not-found]')).toContain('000.31.01.H99-250101-0042');
    expect(await noHorizontalScroll(page)).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/public-status-03-not-found.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
