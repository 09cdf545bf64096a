import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useDesignerStore } from '../../web/src/designer/store';
import { json, stubFetch } from './respond';

const draftView = (version: number | null, source: 'draft' | 'published' = version ? 'draft' : 'published') => ({
  processId: 'birth_registration', xml: '<x/>', version, source, basedOnVersion: 1, latestVersion: 1,
  updatedAt: version ? '2026-12-03T10:00:00.000Z' : null, updatedBy: version ? 'Nguyễn Thị Thiết Kế' : null,
});
const version = (n: number) => ({ version: n, definitionId: n, hash: 'a'.repeat(64), name: 'Đăng ký khai sinh', publishedAt: '2026-12-03T10:00:00.000Z', publishedBy: null, republishedFrom: null, dossiers: 0, openDossiers: 0 });
const body = (init: RequestInit) => JSON.parse(String(init.body));

/** A designer API: GETs answer the given draft/versions; other calls go to `write`. */
function fakeApi(write: (method: string, url: string, init: RequestInit) => Response, draft = draftView(null)) {
  return stubFetch((url, init) => {
    const method = init.method ?? 'GET';
    if (method === 'GET' && url.endsWith('/draft')) return json(200, draft);
    if (method === 'GET' && url.endsWith('/versions')) return json(200, [version(1)]);
    if (method === 'GET' && url.endsWith('/options')) return json(200, { groups: ['desk'], agencyKeys: [], durationUnits: [], clocks: [] });
    if (method === 'GET' && url.endsWith('/processes')) return json(200, []);
    return write(method, url, init);
  });
}

describe('designer store', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.unstubAllGlobals();
    setActivePinia(createPinia());
  });

  it('saves with the draft version it loaded, and keeps the version the server gives back', async () => {
    const fetch = fakeApi((method, url, init) => {
      expect([method, url]).toEqual(['PUT', '/api/designer/processes/birth_registration/draft']);
      return json(200, draftView(body(init).version === null ? 1 : body(init).version + 1));
    });
    const designer = useDesignerStore();
    await designer.open('birth_registration');
    expect(await designer.save('<a/>')).toBe(true);
    expect(body(fetch.mock.calls.at(-1)![1])).toEqual({ xml: '<a/>', version: null });
    expect(await designer.save('<b/>')).toBe(true);
    expect(body(fetch.mock.calls.at(-1)![1])).toEqual({ xml: '<b/>', version: 1 });
    expect(designer.draft?.version).toBe(2);
    expect(designer.done).toEqual({ key: 'designer.saved', params: { version: 2 } });
  });

  it('a stale save leaves the Vietnamese 409 message in `error`', async () => {
    fakeApi(() => json(409, { error: { code: 'STALE_DRAFT', message: 'Bản nháp vừa được người khác lưu' } }));
    const designer = useDesignerStore();
    await designer.open('birth_registration');
    expect(await designer.save('<a/>')).toBe(false);
    expect(designer.error).toMatchObject({ status: 409, code: 'STALE_DRAFT', message: 'Bản nháp vừa được người khác lưu' });
  });

  it('a publication refused with 422 shows every problem of the model', async () => {
    const problems = [{ elementId: 'sign', message: 'Bước "Ký" (sign) chưa chọn nhóm xử lý', severity: 'error', rule: 'motcua/candidate-groups' }];
    fakeApi(() => json(422, { error: { code: 'MODEL_INVALID', message: 'Chưa ban hành được: quy trình còn 1 lỗi.' }, problems }), draftView(3));
    const designer = useDesignerStore();
    await designer.open('birth_registration');
    expect(await designer.publish(() => true)).toBeUndefined();
    expect(designer.problems).toEqual(problems);
    expect(designer.errors).toHaveLength(1);
    expect(designer.error?.message).toMatch(/còn 1 lỗi/);
  });

  it('asks before publishing over a newer version, then sends replaceNewer', async () => {
    const sent: unknown[] = [];
    fakeApi((_method, _url, init) => {
      sent.push(body(init));
      return sent.length === 1
        ? json(409, { error: { code: 'NEWER_VERSION', message: 'Phiên bản 2 đã được ban hành sau khi bản nháp này được tạo' } })
        : json(201, { processId: 'birth_registration', version: version(3), problems: [] });
    }, draftView(3));
    const designer = useDesignerStore();
    await designer.open('birth_registration');
    const confirm = vi.fn(() => true);
    const result = await designer.publish(confirm);
    expect(confirm).toHaveBeenCalledWith('Phiên bản 2 đã được ban hành sau khi bản nháp này được tạo');
    expect(sent).toEqual([{ draftVersion: 3, replaceNewer: false }, { draftVersion: 3, replaceNewer: true }]);
    expect(result?.version.version).toBe(3);
    expect(designer.done).toEqual({ key: 'designer.published', params: { version: 3 } });
  });
});
