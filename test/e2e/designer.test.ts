import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Running } from '../../api/server.js';
import { Client, startTestServer } from '../support/server.js';
import { DEMO_PASSWORD } from '../../api/seed/demo-data.js';
import { SCREENSHOTS, launchChromium } from '../support/browser.js';
import { officerFor, workToEnd } from '../support/officers.js';
import { receive } from '../support/receive.js';

const REVIEW = 'Chuyên viên rà soát trước khi trình ký';

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

async function session(username: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
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

/** Centre of an element of the diagram on the page. */
async function centre(page: Page, elementId: string) {
  const box = (await page.locator(`[data-test=designer-canvas] [data-element-id="${elementId}"]`).first().boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, box };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}

/** The officer claims the dossier's open task from the group inbox and completes it (as in core-loop.test.ts). */
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
  // The same officer may be offered the next step at once (appraisal, then review): wait for this one only.
  const taskId = await page.getAttribute('[data-test=task-action]', 'data-task-id');
  await page.click(decision ? `[data-test=decision-${decision}]` : '[data-test=complete]');
  await page.waitForSelector(`[data-test=task-action][data-task-id="${taskId}"]`, { state: 'detached' });
  await page.context().close();
}

describe('in Chromium: the designer adds a review step to the birth registration and publishes it', () => {
  it('new dossiers go through the new step; a dossier received before finishes on the old version', async () => {
    const desk = await Client.login(app.url, 'motcua.xa1');
    const before = await receive(desk, '1.001193');

    const page = await session('mc.designer', { width: 1366, height: 1000 });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.click('[data-test=nav-designer]');
    const row = page.locator('[data-test=designer-process-row][data-process=birth_registration]');
    await row.waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/40-designer-list.png` });
    await row.locator('[data-test=designer-open]').click();
    await page.waitForSelector('[data-test=designer-canvas] [data-element-id=appraise]');
    await page.waitForSelector('.bjsl-button-success');
    expect(await page.textContent('.bjsl-button')).toContain('Không có lỗi');
    expect(await page.getAttribute('.djs-palette [data-action="create.task"]', 'aria-label')).toBe('Thêm bước');

    // Make room between appraisal and signature with the space tool.
    const appraise = await centre(page, 'appraise');
    const sign = await centre(page, 'sign');
    const gapX = (appraise.box.x + appraise.box.width + sign.box.x) / 2;
    await page.click('.djs-palette [data-action="space-tool"]');
    await drag(page, { x: gapX, y: appraise.box.y + appraise.box.height + 30 }, { x: gapX + 160, y: appraise.box.y + appraise.box.height + 30 });

    // Drop a task from the palette onto the flow between the two steps: bpmn-js splits the flow.
    const flow = page.locator('[data-test=designer-canvas] [data-element-id="flow_appraise_sign"]').first();
    const flowBox = (await flow.boundingBox())!;
    const entry = (await page.locator('.djs-palette [data-action="create.task"]').boundingBox())!;
    await drag(page, { x: entry.x + entry.width / 2, y: entry.y + entry.height / 2 }, { x: flowBox.x + flowBox.width / 2, y: flowBox.y + flowBox.height / 2 });
    await page.waitForSelector('.djs-direct-editing-parent', { state: 'visible' });
    await page.keyboard.type(REVIEW);
    await page.keyboard.press('Enter');

    const newId = await page.evaluate(() => Array.from(document.querySelectorAll('[data-test=designer-canvas] .djs-shape[data-element-id]'))
      .map((e) => e.getAttribute('data-element-id')!).find((id) => /^Activity_/.test(id)));
    expect(newId).toBeTruthy();
    expect(await page.textContent(`[data-test=designer-canvas] [data-element-id="${newId}"]`)).toBe(REVIEW);

    // Still selected: a plain task becomes a user task through the context pad's "change element" menu.
    await page.click('.djs-context-pad.open [data-action="replace"]');
    await page.click('.djs-popup [data-id="replace-with-user-task"]');
    await page.waitForFunction(() => document.querySelector('.bio-properties-panel-header')?.textContent?.includes('Bước xử lý'));

    // Linted on the diagram at once: a user task without candidate groups is an error.
    await page.waitForSelector(`.djs-overlays[data-container-id="${newId}"] .bjsl-icon-error`);
    const appraiseNow = await centre(page, 'appraise');
    await page.mouse.click(appraiseNow.x, appraiseNow.box.y + appraiseNow.box.height + 220);
    await page.waitForSelector('.bjsl-button-error');
    expect(await page.textContent('.bjsl-button')).toContain('1 lỗi');
    await page.hover(`.djs-overlays[data-container-id="${newId}"] .bjsl-icon-error`);
    await page.screenshot({ path: `${SCREENSHOTS}/41-designer-new-step-lint.png` });
    const task = await centre(page, newId!);
    await page.mouse.click(task.x, task.y);
    await page.waitForFunction(() => document.querySelector('.bio-properties-panel-header')?.textContent?.includes('Bước xử lý'));
    await page.click('[data-group-id="group-motcua"] .bio-properties-panel-group-header');

    // The MotCua group of the properties panel.
    await page.check('#bio-properties-panel-mc-group-specialist');
    await page.selectOption('#bio-properties-panel-mc-agency', 'handling');
    await page.fill('#bio-properties-panel-mc-stepDuration', '1');
    await page.selectOption('#bio-properties-panel-mc-stepDurationUnit', 'working_hours');
    await page.selectOption('#bio-properties-panel-mc-clock', 'run');
    await page.fill('#bio-properties-panel-mc-nationalStatus', '4');
    await page.locator('#bio-properties-panel-mc-nationalStatus').blur();
    await page.waitForSelector(`.djs-overlays[data-container-id="${newId}"] .bjsl-icon-error`, { state: 'detached' });
    await page.waitForSelector('.bjsl-button-success, .bjsl-button-warning');

    await page.click('[data-test=designer-save]');
    await page.waitForSelector('[data-test=designer-done]');
    expect(await page.textContent('[data-test=designer-done]')).toMatch(/Đã lưu bản nháp \(v1\)/);
    await page.click('[data-test=designer-validate]');
    await page.waitForFunction(() => /lỗi|Không có lỗi/.test(document.querySelector('[data-test=designer-done]')?.textContent ?? ''));
    expect(await page.locator('[data-test=designer-problem][data-severity=error]').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/42-designer-ready.png`, fullPage: true });

    await page.click('[data-test=designer-publish]');
    await page.waitForFunction(() => /Đã ban hành phiên bản 2/.test(document.querySelector('[data-test=designer-done]')?.textContent ?? ''));
    await page.waitForSelector('[data-test=designer-version-row][data-version="2"]');
    expect(await page.textContent('[data-test=designer-version-row][data-version="2"]')).toContain('Nguyễn Thị Thiết Kế');
    await page.screenshot({ path: `${SCREENSHOTS}/43-designer-published.png`, fullPage: true });
    await page.context().close();

    // The step as published: what the engine reads from the mc: attributes the panel wrote.
    const designer = await Client.login(app.url, 'mc.designer');
    const v2 = (await designer.get('/api/designer/processes/birth_registration/versions/2/xml')).body as string;
    expect(v2).toMatch(new RegExp(`<bpmn:userTask id="${newId}" name="${REVIEW}"[^>]*mc:candidateGroups="specialist"`));
    expect(v2).toMatch(/mc:stepDuration="1" mc:stepDurationUnit="working_hours"|mc:stepDurationUnit="working_hours"[^>]*mc:stepDuration="1"/);

    // A dossier received now goes through the review step, worked in the browser.
    const after = await receive(desk, '1.001193');
    expect(after.procedure.version).toBe(2);
    const admin = await Client.login(app.url, 'mc.admin');
    const steps: string[] = [];
    for (let i = 0; i < 8; i++) {
      const open = (await admin.get(`/api/dossiers/${after.code}`)).body.tasks.find((t: { state: string }) => t.state === 'open');
      if (!open) break;
      steps.push(open.name);
      await workStep(officerFor(open.agencyCode, open.candidateGroups[0]), after.code, open.decisions.length ? 'approve' : null, `44-new-version-${i + 1}`);
    }
    expect(steps).toEqual(['Công chức tư pháp – hộ tịch thẩm định, ghi sổ', REVIEW, 'Lãnh đạo UBND xã ký giấy khai sinh', 'Trả kết quả']);

    // The dossier received before the publication finishes on version 1, without the new step.
    const old = await workToEnd(app.url, before.code);
    expect(old.steps).not.toContain(REVIEW);
    expect(old.view.definitionId).toBe(before.definitionId);
    expect(old.view.outcome).toBe('approved');

    const check = await session('motcua.xa1');
    await check.goto(`${app.url}/dossiers/${after.code}`);
    await check.waitForSelector(`[data-test=dossier-diagram] [data-element-id="${newId}"]`);
    await check.screenshot({ path: `${SCREENSHOTS}/45-new-version-dossier.png`, fullPage: true });
    await check.context().close();

    // Rollback from the version list: version 1's XML becomes version 3, and new dossiers skip the review again.
    const rollback = await session('mc.designer', { width: 1366, height: 1000 });
    rollback.on('dialog', (dialog) => void dialog.accept());
    await rollback.goto(`${app.url}/designer/birth_registration`);
    await rollback.locator('[data-test=designer-version-row][data-version="1"] [data-test=designer-rollback]').click();
    await rollback.waitForSelector('[data-test=designer-version-row][data-version="3"]');
    expect(await rollback.textContent('[data-test=designer-done]')).toMatch(/phiên bản 1 được ban hành thành phiên bản 3/);
    expect(await rollback.textContent('[data-test=designer-version-row][data-version="3"]')).toMatch(/khôi phục từ v1/);
    await rollback.waitForSelector('[data-test=designer-canvas] [data-element-id=appraise]');
    expect(await rollback.locator(`[data-test=designer-canvas] [data-element-id="${newId}"]`).count()).toBe(0);
    await rollback.screenshot({ path: `${SCREENSHOTS}/46-designer-rolled-back.png`, fullPage: true });
    await rollback.context().close();
    const third = await receive(desk, '1.001193');
    expect(third.procedure.version).toBe(3);
    expect((await workToEnd(app.url, third.code)).steps).not.toContain(REVIEW);

    expect(consoleErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
