import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Running } from '../../api/server.js';
import { Client, startTestServer } from '../support/server.js';
import { workToEnd } from '../support/officers.js';
import { receive } from '../support/receive.js';
import { checkSafeXml } from '../../api/designer/model.js';

const PROCESS = 'birth_registration';
const BASE = `/api/designer/processes/${PROCESS}`;
const BIRTH = readFileSync(new URL('../../processes/birth-registration.bpmn', import.meta.url), 'utf8');
const REVIEW_STEP = 'Chuyên viên rà soát trước khi trình ký';

let app: Running;
let designer: Client;
let desk: Client;

beforeAll(async () => {
  app = await startTestServer();
  designer = await Client.login(app.url, 'mc.designer');
  desk = await Client.login(app.url, 'motcua.xa1');
});
afterAll(() => app?.stop());

const put = (client: Client, path: string, body: unknown) => client.request('PUT', path, body);
const validate = (xml: string) => designer.post(`${BASE}/validate`, { xml });

/** The birth registration with a specialist's review step between appraisal and signature. */
function withReviewStep(xml: string): string {
  return xml
    .replace('<bpmn:incoming>flow_appraise_sign</bpmn:incoming>\n      <bpmn:outgoing>flow_sign_decision</bpmn:outgoing>',
      '<bpmn:incoming>flow_review_sign</bpmn:incoming>\n      <bpmn:outgoing>flow_sign_decision</bpmn:outgoing>')
    .replace('<bpmn:sequenceFlow id="flow_appraise_sign" sourceRef="appraise" targetRef="sign" />',
      '<bpmn:sequenceFlow id="flow_appraise_sign" sourceRef="appraise" targetRef="review" />\n    <bpmn:sequenceFlow id="flow_review_sign" sourceRef="review" targetRef="sign" />')
    .replace('<bpmn:exclusiveGateway id="sign_decision"',
      `<bpmn:userTask id="review" name="${REVIEW_STEP}" mc:candidateGroups="specialist" mc:stepDuration="1" mc:stepDurationUnit="working_hours" mc:clock="run">
      <bpmn:incoming>flow_appraise_sign</bpmn:incoming>
      <bpmn:outgoing>flow_review_sign</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:exclusiveGateway id="sign_decision"`)
    .replace(/<bpmndi:BPMNEdge id="flow_appraise_sign_di" bpmnElement="flow_appraise_sign">[\s\S]*?<\/bpmndi:BPMNEdge>/,
      `<bpmndi:BPMNShape id="review_di" bpmnElement="review"><dc:Bounds x="440" y="-20" width="140" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="flow_appraise_sign_di" bpmnElement="flow_appraise_sign"><di:waypoint x="320" y="100" /><di:waypoint x="320" y="20" /><di:waypoint x="440" y="20" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="flow_review_sign_di" bpmnElement="flow_review_sign"><di:waypoint x="510" y="60" /><di:waypoint x="510" y="100" /></bpmndi:BPMNEdge>`);
}

interface Node { id: string; type: string; name?: string; attrs?: string; inner?: string; attachedTo?: string }

/** A small executable model with a diagram: nodes left to right, flows [id, from, to, condition?]. */
function model(nodes: Node[], flows: Array<[string, string, string, string?]>, { processId = PROCESS, executable = true } = {}): string {
  const size = (n: Node) => (n.type.endsWith('Event') ? [36, 36] : n.type.endsWith('Gateway') ? [50, 50] : [120, 80]);
  const pos = new Map(nodes.map((n, i) => [n.id, { x: 100 + i * 180, y: n.attachedTo ? 162 : 100 }]));
  for (const n of nodes.filter((n) => n.attachedTo)) pos.set(n.id, { x: pos.get(n.attachedTo!)!.x + 40, y: 162 });
  const refs = (id: string) => [
    ...flows.filter((f) => f[2] === id).map((f) => `<bpmn:incoming>${f[0]}</bpmn:incoming>`),
    ...flows.filter((f) => f[1] === id).map((f) => `<bpmn:outgoing>${f[0]}</bpmn:outgoing>`),
  ].join('');
  const elements = nodes.map((n) => `<bpmn:${n.type} id="${n.id}"${n.name === undefined ? ` name="${n.id}"` : n.name ? ` name="${n.name}"` : ''}${
    n.attachedTo ? ` attachedToRef="${n.attachedTo}"` : ''} ${n.attrs ?? ''}>${refs(n.id)}${n.inner ?? ''}</bpmn:${n.type}>`);
  const sequence = flows.map(([id, from, to, condition]) => `<bpmn:sequenceFlow id="${id}" sourceRef="${from}" targetRef="${to}">${
    condition ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">${condition}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`);
  const shapes = nodes.map((n) => {
    const [w, h] = size(n);
    const { x, y } = pos.get(n.id)!;
    return `<bpmndi:BPMNShape id="${n.id}_di" bpmnElement="${n.id}"><dc:Bounds x="${x}" y="${y}" width="${w}" height="${h}" /></bpmndi:BPMNShape>`;
  });
  const edges = flows.map(([id, from, to]) => {
    const [a, b] = [pos.get(from)!, pos.get(to)!];
    return `<bpmndi:BPMNEdge id="${id}_di" bpmnElement="${id}"><di:waypoint x="${a.x + 20}" y="${a.y + 20}" /><di:waypoint x="${b.x}" y="${b.y + 20}" /></bpmndi:BPMNEdge>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mc="http://motcua.gov.vn/schema/bpmn/mc" id="defs" targetNamespace="http://motcua.gov.vn/processes">
  <bpmn:process id="${processId}" name="Thử" isExecutable="${executable}">${elements.join('\n')}${sequence.join('\n')}</bpmn:process>
  <bpmndi:BPMNDiagram id="diagram"><bpmndi:BPMNPlane id="plane" bpmnElement="${processId}">${shapes.join('')}${edges.join('')}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;
}

const step = (id: string, attrs = 'mc:candidateGroups="specialist"'): Node => ({ id, type: 'userTask', attrs });
const start: Node = { id: 'start', type: 'startEvent' };
const end: Node = { id: 'end', type: 'endEvent' };

describe('designer API: who may use it', () => {
  it('no login → 401; desk, specialist and admin → 403 in Vietnamese', async () => {
    expect((await new Client(app.url).get('/api/designer/processes')).status).toBe(401);
    for (const username of ['motcua.xa1', 'tuphap.xa1', 'mc.admin']) {
      const other = await Client.login(app.url, username);
      for (const res of [
        await other.get('/api/designer/processes'),
        await put(other, `${BASE}/draft`, { xml: BIRTH, version: null }),
        await other.post(`${BASE}/publish`, { draftVersion: 1 }),
        await other.post(`${BASE}/versions/1/republish`, {}),
      ]) {
        expect(res.status).toBe(403);
        expect(res.body.error.message).toMatch(/thiết kế quy trình/);
      }
    }
  });

  it('is described in the OpenAPI document', async () => {
    const open = (await new Client(app.url).get('/api/openapi.json')).body;
    expect(open.paths['/api/designer/processes/{processId}/publish'].post.responses[422]).toBeDefined();
    expect(open.components.schemas.DraftSaveRequest.properties.xml).toBeDefined();
  });

  it('an unknown process → 404', async () => {
    const res = await designer.get('/api/designer/processes/khong_co/draft');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/khong_co/);
  });
});

describe('designer API: drafts', () => {
  it('lists the catalogue processes with their latest version and the procedure time limit', async () => {
    const res = await designer.get('/api/designer/processes');
    expect(res.status).toBe(200);
    const birth = res.body.find((p: any) => p.processId === PROCESS);
    expect(birth.procedure).toEqual({ code: '1.001193', name: 'Đăng ký khai sinh', timeLimit: { value: 0, unit: 'same_day' } });
    expect(birth.latest.version).toBeGreaterThanOrEqual(1);
    expect(birth.draft).toBeNull();
  });

  it('without a draft, the draft endpoint gives the latest published XML and version null', async () => {
    const res = await designer.get(`${BASE}/draft`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ processId: PROCESS, source: 'published', version: null });
    expect(res.body.xml).toContain('id="birth_registration"');
  });

  it('saves with optimistic concurrency: a stale version → 409, and nothing is overwritten', async () => {
    const first = await put(designer, `${BASE}/draft`, { xml: BIRTH, version: null });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ source: 'draft', version: 1, updatedBy: 'Nguyễn Thị Thiết Kế' });
    expect(first.body.basedOnVersion).toBe(first.body.latestVersion);

    const second = await put(designer, `${BASE}/draft`, { xml: withReviewStep(BIRTH), version: 1 });
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);

    for (const version of [1, null]) {
      const stale = await put(designer, `${BASE}/draft`, { xml: BIRTH, version });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('STALE_DRAFT');
      expect(stale.body.error.message).toMatch(/tải lại/);
    }
    const now = await designer.get(`${BASE}/draft`);
    expect(now.body.version).toBe(2);
    expect(now.body.xml).toContain(REVIEW_STEP);

    const listed = (await designer.get('/api/designer/processes')).body.find((p: any) => p.processId === PROCESS);
    expect(listed.draft).toMatchObject({ version: 2, updatedBy: 'Nguyễn Thị Thiết Kế' });

    expect((await designer.request('DELETE', `${BASE}/draft?version=1`)).status).toBe(409);
    expect((await designer.request('DELETE', `${BASE}/draft?version=2`)).status).toBe(204);
    expect((await designer.get(`${BASE}/draft`)).body.source).toBe('published');
  });

  it('broken XML → 400 naming line and column in Vietnamese; nothing saved', async () => {
    const broken = BIRTH.replace('</bpmn:startEvent>', '</bpmn:startEvnt>');
    const res = await put(designer, `${BASE}/draft`, { xml: broken, version: null });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_BPMN');
    expect(res.body.error.message).toMatch(/dòng 7, cột \d+/);
    expect(res.body.error.details).toEqual([{ field: 'xml.line', message: '7' }, { field: 'xml.column', message: expect.stringMatching(/^\d+$/) }]);
    expect((await designer.get(`${BASE}/draft`)).body.source).toBe('published');

    const checked = await validate(broken);
    expect(checked.body.problems).toEqual([expect.objectContaining({ rule: 'xml', severity: 'error', line: 7, elementId: null })]);
  });

  it('a DOCTYPE or ENTITY declaration is refused before parsing', async () => {
    const evil = BIRTH.replace('<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE bpmn:definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>')
      .replace('name="Đăng ký khai sinh"', 'name="&xxe;"');
    const res = await put(designer, `${BASE}/draft`, { xml: evil, version: null });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('XML_DOCTYPE');
    expect(res.body.error.message).toMatch(/DOCTYPE/);
    expect((await designer.post(`${BASE}/import`, { xml: evil, version: null })).status).toBe(400);
    expect((await validate(evil)).body.problems[0].message).toMatch(/DOCTYPE/);
  });

  it('an oversized model is refused (413 from the model check; the app-wide 1 MB JSON limit answers first today)', async () => {
    const huge = BIRTH.replace('</bpmn:process>', `<bpmn:documentation>${'x'.repeat(2 * 1024 * 1024)}</bpmn:documentation></bpmn:process>`);
    const res = await put(designer, `${BASE}/draft`, { xml: huge, version: null });
    expect([400, 413]).toContain(res.status);
    expect((await designer.get(`${BASE}/draft`)).body.source).toBe('published');
    expect(() => checkSafeXml(huge)).toThrow(expect.objectContaining({ status: 413, messageVi: 'Tệp BPMN lớn hơn 2 MB' }));
    expect(() => checkSafeXml(BIRTH)).not.toThrow();
  });

  it('exports the draft or a version as a .bpmn download', async () => {
    const res = await fetch(`${app.url}${BASE}/versions/1/xml`, { headers: { authorization: `Bearer ${designer.token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/application\/xml/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="birth_registration-v1.bpmn"');
    expect(await res.text()).toContain('<bpmn:definitions');
    const draft = await fetch(`${app.url}${BASE}/draft/xml`, { headers: { authorization: `Bearer ${designer.token}` } });
    expect(draft.headers.get('content-disposition')).toMatch(/birth_registration-v\d+\.bpmn/);
  });
});

describe('designer API: validation names the element at fault', () => {
  const errorsOf = async (xml: string) => {
    const res = await validate(xml);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.problems as Array<{ elementId: string; message: string; severity: string; rule: string }>;
  };
  const expectProblem = async (xml: string, rule: string, elementId: string, message: RegExp, severity = 'error') => {
    const problems = await errorsOf(xml);
    expect(problems, JSON.stringify(problems, null, 1)).toContainEqual({ rule, elementId, severity, message: expect.stringMatching(message) });
    return problems;
  };

  it('the catalogue model has no problem at all', async () => {
    const res = await designer.post(`${BASE}/validate`, {});
    expect(res.body).toEqual({ source: 'published', problems: [], errors: 0, warnings: 0 });
    expect(await errorsOf(withReviewStep(BIRTH))).toEqual([]);
  });

  it('a user task without candidate groups', async () => {
    const xml = BIRTH.replace('mc:candidateGroups="specialist" mc:stepDuration="4"', 'mc:stepDuration="4"');
    await expectProblem(xml, 'motcua/candidate-groups', 'appraise', /Bước "Công chức tư pháp – hộ tịch thẩm định, ghi sổ" \(appraise\) chưa chọn nhóm xử lý/);
  });

  it('a candidate group that is not a role working tasks', async () => {
    await expectProblem(BIRTH.replace('mc:candidateGroups="leader"', 'mc:candidateGroups="accounting"'),
      'motcua/candidate-groups', 'sign', /nhóm xử lý "accounting" không tồn tại/);
  });

  it('a branch of an exclusive gateway without condition that is not the default', async () => {
    const xml = BIRTH.replace(/(<bpmn:sequenceFlow id="flow_reject"[^>]*>)\s*<bpmn:conditionExpression[^<]*<\/bpmn:conditionExpression>/, '$1');
    await expectProblem(xml, 'motcua/exclusive-conditions', 'flow_reject', /Luồng "Từ chối" \(flow_reject\) ra từ cổng loại trừ .* chưa có điều kiện/);
    // Marked as the default flow, it needs none.
    const withDefault = xml.replace('<bpmn:exclusiveGateway id="sign_decision"', '<bpmn:exclusiveGateway id="sign_decision" default="flow_reject"');
    expect((await errorsOf(withDefault)).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('a converging inclusive gateway', async () => {
    const xml = model(
      [start, { id: 'split', type: 'inclusiveGateway' }, step('a'), step('b'), { id: 'join', type: 'inclusiveGateway' }, end],
      [['f1', 'start', 'split'], ['f2', 'split', 'a', 'true'], ['f3', 'split', 'b', 'true'], ['f4', 'a', 'join'], ['f5', 'b', 'join'], ['f6', 'join', 'end']]);
    const problems = await expectProblem(xml, 'motcua/no-inclusive-join', 'join', /Cổng bao hàm "join" \(join\) hợp nhất 2 luồng/);
    expect(problems.filter((p) => p.elementId === 'split' && p.severity === 'error')).toEqual([]);
  });

  it('step durations on a path longer than the procedure time limit: a warning on the end reached', async () => {
    const xml = BIRTH.replace('mc:stepDuration="4" mc:stepDurationUnit="working_hours"', 'mc:stepDuration="2" mc:stepDurationUnit="working_days"');
    const problems = await expectProblem(xml, 'motcua/time-limit', 'end_approved',
      /Tổng thời hạn các bước trên đường tới kết thúc "Đã trả giấy khai sinh" \(end_approved\) là 18 giờ làm việc .*vượt thời hạn giải quyết của thủ tục \(trong ngày\)/, 'warning');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    // A step that pauses the clock does not count.
    const paused = xml.replace('mc:stepDuration="2" mc:stepDurationUnit="working_days" mc:nationalStatus="4" mc:clock="run"',
      'mc:stepDuration="2" mc:stepDurationUnit="working_days" mc:nationalStatus="4" mc:clock="pause"');
    expect(await errorsOf(paused)).toEqual([]);
  });

  it('a timer that does not parse, and one with two kinds', async () => {
    const timer = (body: string) => model(
      [start, step('a'), { id: 'wait', type: 'boundaryEvent', attachedTo: 'a', inner: `<bpmn:timerEventDefinition>${body}</bpmn:timerEventDefinition>` }, end, { id: 'late', type: 'endEvent' }],
      [['f1', 'start', 'a'], ['f2', 'a', 'end'], ['f3', 'wait', 'late']]);
    await expectProblem(timer('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT48X</bpmn:timeDuration>'),
      'motcua/timers', 'wait', /Hẹn giờ "PT48X" của sự kiện "wait" \(wait\) không đúng định dạng ISO 8601/);
    await expectProblem(timer('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT4H</bpmn:timeDuration><bpmn:timeDate xsi:type="bpmn:tFormalExpression">2026-12-24T09:00:00Z</bpmn:timeDate>'),
      'motcua/timers', 'wait', /phải có đúng một trong/);
    expect((await errorsOf(timer('<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">PT48H</bpmn:timeDuration>'))).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('elements the engine cannot run', async () => {
    const xml = model([start, { id: 'call', type: 'serviceTask' }, end], [['f1', 'start', 'call'], ['f2', 'call', 'end']]);
    await expectProblem(xml, 'motcua/supported-elements', 'call', /loại "tác vụ dịch vụ \(service task\)" không được hỗ trợ/);
  });

  it('wrong step attributes, an agency nobody plays, a condition in another language or with a syntax error', async () => {
    await expectProblem(BIRTH.replace('mc:stepDuration="4" mc:stepDurationUnit="working_hours"', 'mc:stepDuration="4" mc:stepDurationUnit="weeks"'),
      'motcua/step-attributes', 'appraise', /đơn vị thời hạn "weeks" không hợp lệ/);
    await expectProblem(BIRTH.replace('mc:candidateGroups="leader"', 'mc:candidateGroups="leader" mc:agency="nowhere"'),
      'motcua/agency-keys', 'sign', /không có cơ quan nào mang vai trò hoặc mã "nowhere"/);
    await expectProblem(BIRTH.replace(/language="javascript">environment.output.decision === 'reject'/, 'language="feel">decision = "reject"'),
      'motcua/conditions', 'flow_reject', /phải là biểu thức JavaScript/);
    await expectProblem(BIRTH.replace("environment.output.decision === 'reject'", "environment.output.decision === === 'reject'"),
      'motcua/conditions', 'flow_reject', /không phải JavaScript hợp lệ/);
  });

  it('another process id, or no executable process', async () => {
    await expectProblem(BIRTH.replace('<bpmn:process id="birth_registration"', '<bpmn:process id="other"').replace('bpmnElement="birth_registration"', 'bpmnElement="other"'),
      'motcua/process-id', 'other', /Mã quy trình phải là "birth_registration"/);
    await expectProblem(BIRTH.replace('isExecutable="true"', 'isExecutable="false"'),
      'motcua/executable-process', 'birth_registration', /chưa được đánh dấu là quy trình thực thi được/);
  });

  it("bpmnlint's recommended rules, in Vietnamese", async () => {
    const xml = model([start, step('a'), { id: 'b', type: 'userTask', name: '', attrs: 'mc:candidateGroups="leader"' }, end],
      [['f1', 'start', 'a'], ['f2', 'a', 'end']]);
    const problems = await errorsOf(xml);
    expect(problems).toContainEqual({ rule: 'label-required', elementId: 'b', severity: 'error', message: 'Phần tử chưa có tên (nhãn)' });
    expect(problems).toContainEqual({ rule: 'no-disconnected', elementId: 'b', severity: 'error', message: 'Phần tử chưa được nối với luồng nào' });
  });
});

describe('designer API: publish, versions, rollback', () => {
  let before: number;

  const draftWith = async (xml: string) => {
    const current = (await designer.get(`${BASE}/draft`)).body;
    const res = await put(designer, `${BASE}/draft`, { xml, version: current.version });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.version as number;
  };
  const versions = async () => (await designer.get(`${BASE}/versions`)).body as any[];

  it('is blocked (422 with every problem) while the model has errors', async () => {
    before = (await versions())[0].version;
    const draftVersion = await draftWith(BIRTH.replace('mc:candidateGroups="leader"', ''));
    const res = await designer.post(`${BASE}/publish`, { draftVersion });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('MODEL_INVALID');
    expect(res.body.error.message).toMatch(/Chưa ban hành được: quy trình còn 1 lỗi/);
    expect(res.body.problems).toContainEqual(expect.objectContaining({ elementId: 'sign', rule: 'motcua/candidate-groups' }));
    expect((await versions())[0].version).toBe(before);
    expect((await designer.get(`${BASE}/draft`)).body.version).toBe(draftVersion);
  });

  it('an unchanged draft → 409, a stale draft version → 409', async () => {
    const draftVersion = await draftWith(BIRTH);
    expect((await designer.post(`${BASE}/publish`, { draftVersion: draftVersion - 1 })).body.error.code).toBe('STALE_DRAFT');
    const res = await designer.post(`${BASE}/publish`, { draftVersion });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('UNCHANGED');
  });

  it('publishes version N+1 by the designer: running dossiers keep their version, new ones take it', async () => {
    const running = await receive(desk, '1.001193');
    const oldDefinition = running.definitionId;

    const draftVersion = await draftWith(withReviewStep(BIRTH));
    const res = await designer.post(`${BASE}/publish`, { draftVersion });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.version).toMatchObject({ version: before + 1, publishedBy: 'Nguyễn Thị Thiết Kế', republishedFrom: null, dossiers: 0 });
    expect(res.body.problems).toEqual([]);
    expect((await designer.get(`${BASE}/draft`)).body.source).toBe('published');

    const audit = await app.services.db.query<{ action: string; username: string }>(
      `select e.action, u.username from process_design_event e join app_user u on u.id = e.actor_id
        where e.definition_id = $1`, [res.body.version.definitionId]);
    expect(audit).toEqual([{ action: 'published', username: 'mc.designer' }]);

    const fresh = await receive(desk, '1.001193');
    expect(fresh.definitionId).toBe(res.body.version.definitionId);
    expect(fresh.procedure.version).toBe(before + 1);

    const old = await workToEnd(app.url, running.code);
    expect(old.view.definitionId).toBe(oldDefinition);
    expect(old.steps).not.toContain(REVIEW_STEP);
    expect(old.view.outcome).toBe('approved');

    const renewed = await workToEnd(app.url, fresh.code);
    expect(renewed.steps).toEqual(['Công chức tư pháp – hộ tịch thẩm định, ghi sổ', REVIEW_STEP, 'Lãnh đạo UBND xã ký giấy khai sinh', 'Trả kết quả']);
    expect(renewed.view.outcome).toBe('approved');

    const list = await versions();
    expect(list.map((v) => v.version).slice(0, 2)).toEqual([before + 1, before]);
    expect(list[0]).toMatchObject({ dossiers: 1, openDossiers: 0, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it('a draft started before a newer publication is not published over it unless the designer says so', async () => {
    // Draft based on N+1; someone republishes N meanwhile (N+2).
    const draftVersion = await draftWith(withReviewStep(BIRTH).replace(REVIEW_STEP, `${REVIEW_STEP} (sửa)`));
    const rollback = await designer.post(`${BASE}/versions/${before}/republish`, { latestVersion: before + 1 });
    expect(rollback.status, JSON.stringify(rollback.body)).toBe(201);
    expect(rollback.body.version).toMatchObject({ version: before + 2, republishedFrom: before, publishedBy: 'Nguyễn Thị Thiết Kế' });
    const originalHash = (await versions()).find((v) => v.version === before).hash;
    expect(rollback.body.version.hash).toBe(originalHash);

    const refused = await designer.post(`${BASE}/publish`, { draftVersion });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('NEWER_VERSION');
    expect(refused.body.error.message).toMatch(new RegExp(`Phiên bản ${before + 2} đã được ban hành`));

    // The rollback is what new dossiers get: no review step.
    const fresh = await receive(desk, '1.001193');
    expect(fresh.definitionId).toBe(rollback.body.version.definitionId);
    const { steps } = await workToEnd(app.url, fresh.code);
    expect(steps).not.toContain(REVIEW_STEP);

    await designer.request('DELETE', `${BASE}/draft?version=${draftVersion}`);
  });

  it('republishing the version in force → 409; an unknown version → 404; a stale expectation → 409', async () => {
    const latest = (await versions())[0].version;
    expect((await designer.post(`${BASE}/versions/${latest}/republish`, {})).body.error.code).toBe('UNCHANGED');
    expect((await designer.post(`${BASE}/versions/999/republish`, {})).status).toBe(404);
    expect((await designer.post(`${BASE}/versions/${before + 1}/republish`, { latestVersion: latest - 1 })).body.error.code).toBe('NEWER_VERSION');
    const audit = await app.services.db.query<{ action: string; from: number }>(
      `select action, from_version as "from" from process_design_event where process_id = $1 and action = 'republished'`, [PROCESS]);
    expect(audit).toEqual([{ action: 'republished', from: before }]);
  });
});

describe('designer API: importing a Camunda Modeler model', () => {
  const camunda = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn" exporter="Camunda Modeler" exporterVersion="5.31.0">
  <bpmn:process id="Process_1" name="Khai sinh (Camunda)" isExecutable="true">
    <bpmn:startEvent id="StartEvent_1" name="Nhận hồ sơ"><bpmn:outgoing>Flow_1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="Task_appraise" name="Thẩm định" camunda:candidateGroups="specialist" camunda:assignee="demo" camunda:dueDate="P2D" camunda:formKey="tham-dinh">
      <bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:userTask id="Task_sign" name="Ký" camunda:candidateGroups="leader, accounting">
      <bpmn:incoming>Flow_2</bpmn:incoming><bpmn:outgoing>Flow_3</bpmn:outgoing>
    </bpmn:userTask>
    <bpmn:endEvent id="EndEvent_1" name="Xong"><bpmn:incoming>Flow_3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="StartEvent_1" targetRef="Task_appraise" />
    <bpmn:sequenceFlow id="Flow_2" sourceRef="Task_appraise" targetRef="Task_sign" />
    <bpmn:sequenceFlow id="Flow_3" sourceRef="Task_sign" targetRef="EndEvent_1" />
  </bpmn:process>
  <bpmndi:BPMNDiagram id="BPMNDiagram_1">
    <bpmndi:BPMNPlane id="BPMNPlane_1" bpmnElement="Process_1">
      <bpmndi:BPMNShape id="StartEvent_1_di" bpmnElement="StartEvent_1"><dc:Bounds x="152" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_appraise_di" bpmnElement="Task_appraise"><dc:Bounds x="240" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="Task_sign_di" bpmnElement="Task_sign"><dc:Bounds x="400" y="80" width="100" height="80" /></bpmndi:BPMNShape>
      <bpmndi:BPMNShape id="EndEvent_1_di" bpmnElement="EndEvent_1"><dc:Bounds x="562" y="102" width="36" height="36" /></bpmndi:BPMNShape>
      <bpmndi:BPMNEdge id="Flow_1_di" bpmnElement="Flow_1"><di:waypoint x="188" y="120" /><di:waypoint x="240" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_2_di" bpmnElement="Flow_2"><di:waypoint x="340" y="120" /><di:waypoint x="400" y="120" /></bpmndi:BPMNEdge>
      <bpmndi:BPMNEdge id="Flow_3_di" bpmnElement="Flow_3"><di:waypoint x="500" y="120" /><di:waypoint x="562" y="120" /></bpmndi:BPMNEdge>
    </bpmndi:BPMNPlane>
  </bpmndi:BPMNDiagram>
</bpmn:definitions>`;

  it('maps camunda: assignments to mc:, takes the procedure process id, and says what it did', async () => {
    const res = await designer.post(`${BASE}/import`, { xml: camunda, version: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const { draft, notes } = res.body;
    expect(draft).toMatchObject({ source: 'draft', version: 1, processId: PROCESS });
    expect(draft.xml).toMatch(/<bpmn:process id="birth_registration"[^>]*mc:procedureCode="1.001193"/);
    expect(draft.xml).toMatch(/id="Task_appraise"[^>]*mc:candidateGroups="specialist"/);
    expect(draft.xml).toMatch(/id="Task_appraise"[^>]*mc:formKey="tham-dinh"/);
    expect(draft.xml).toMatch(/id="Task_appraise"[^>]*mc:stepDuration="2"[^>]*mc:stepDurationUnit="days"|id="Task_appraise"[^>]*mc:stepDurationUnit="days"[^>]*mc:stepDuration="2"/);
    expect(draft.xml).not.toMatch(/camunda:candidateGroups|camunda:assignee/);
    expect(draft.xml).toContain('bpmnElement="birth_registration"');
    expect(notes).toEqual(expect.arrayContaining([
      'Đã đổi mã quy trình "Process_1" thành "birth_registration" (mã mà thủ tục trỏ tới)',
      'Bước "Thẩm định" (Task_appraise): nhóm xử lý "specialist" chuyển sang mc:candidateGroups',
      expect.stringMatching(/Task_appraise.*bỏ assignee="demo"/),
      expect.stringMatching(/Task_sign.*nhóm "accounting" không phải vai trò/),
    ]));

    const checked = (await designer.post(`${BASE}/validate`, {})).body;
    expect(checked.source).toBe('draft');
    expect(checked.problems.filter((p: any) => p.severity === 'error')).toEqual([
      expect.objectContaining({ elementId: 'Task_sign', rule: 'motcua/candidate-groups', message: expect.stringMatching(/"accounting"/) }),
    ]);
    // A second import without the draft version is a stale save.
    expect((await designer.post(`${BASE}/import`, { xml: camunda, version: null })).status).toBe(409);
    expect((await designer.request('DELETE', `${BASE}/draft?version=1`)).status).toBe(204);
  });

  it('maps a Camunda 8 (zeebe:) assignment too', async () => {
    const zeebe = camunda
      .replace('xmlns:camunda="http://camunda.org/schema/1.0/bpmn"', 'xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"')
      .replace(/ camunda:[a-zA-Z]+="[^"]*"/g, '')
      .replace('<bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>',
        '<bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="specialist" /><zeebe:formDefinition formKey="tham-dinh" /></bpmn:extensionElements><bpmn:incoming>Flow_1</bpmn:incoming><bpmn:outgoing>Flow_2</bpmn:outgoing>');
    const res = await designer.post(`${BASE}/import`, { xml: zeebe, version: null });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.draft.xml).toMatch(/id="Task_appraise"[^>]*mc:candidateGroups="specialist"/);
    expect(res.body.draft.xml).toMatch(/id="Task_appraise"[^>]*mc:formKey="tham-dinh"/);
    expect(res.body.draft.xml).not.toContain('zeebe:assignmentDefinition');
    expect((await designer.request('DELETE', `${BASE}/draft?version=${res.body.draft.version}`)).status).toBe(204);
  });

  it('the imported model passes every check once the group is fixed', async () => {
    const fixed = camunda.replace('leader, accounting', 'leader');
    const imported = await designer.post(`${BASE}/import`, { xml: fixed, version: null });
    expect(imported.status).toBe(200);
    const checked = (await designer.post(`${BASE}/validate`, {})).body;
    expect(checked.problems.filter((p: any) => p.severity === 'error')).toEqual([]);
    // Not published: the catalogue model stays in force for the other tests.
    expect((await designer.request('DELETE', `${BASE}/draft?version=${imported.body.draft.version}`)).status).toBe(204);
  });
});
