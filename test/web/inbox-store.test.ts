import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useInboxStore } from '../../web/src/stores/inbox';
import { json, stubFetch } from './respond';

const item = (taskId: number) => ({
  taskId,
  dossierCode: `XA1-2026-${String(taskId).padStart(5, '0')}`,
  applicantName: 'Trần Văn An',
  procedureCode: '1.001193',
  procedureName: 'Đăng ký khai sinh',
  stepName: 'Thẩm định',
  assignee: null,
  receivedAt: '2026-12-01T08:00:00+07:00',
  stepDueAt: null,
  appointmentAt: '2026-12-03T17:00:00+07:00',
});

/** Two pages for "groups" (pageSize 2: tasks 1–2, then 3), one empty page for "mine". */
function fakeInbox() {
  return stubFetch((url) => {
    const q = new URL(url, 'http://motcua.test').searchParams;
    const page = Number(q.get('page'));
    const ids = q.get('scope') === 'groups' ? [1, 2, 3].slice((page - 1) * 2, page * 2) : [];
    return json(200, { items: ids.map(item), page, pageSize: 2, hasMore: q.get('scope') === 'groups' && page === 1 });
  });
}

describe('inbox store', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.unstubAllGlobals();
    setActivePinia(createPinia());
  });

  it('pages forward and back while the API says there is more', async () => {
    const fetch = fakeInbox();
    const inbox = useInboxStore();
    inbox.pageSize = 2;

    await inbox.setScope('groups');
    expect(inbox.items.map((i) => i.taskId)).toEqual([1, 2]);
    expect(inbox.hasMore).toBe(true);

    await inbox.nextPage();
    expect(inbox.page).toBe(2);
    expect(inbox.items.map((i) => i.taskId)).toEqual([3]);
    expect(inbox.hasMore).toBe(false);

    await inbox.nextPage();
    expect(inbox.page).toBe(2);
    expect(fetch).toHaveBeenCalledTimes(2);

    await inbox.prevPage();
    expect(inbox.page).toBe(1);
    expect(fetch.mock.calls.at(-1)?.[0]).toBe('/api/tasks?scope=groups&page=1&pageSize=2');
  });

  it('starts a new scope at page 1', async () => {
    fakeInbox();
    const inbox = useInboxStore();
    inbox.pageSize = 2;
    await inbox.setScope('groups');
    await inbox.nextPage();

    await inbox.setScope('mine');

    expect(inbox.page).toBe(1);
    expect(inbox.items).toEqual([]);
    expect(inbox.hasMore).toBe(false);
  });

  it('ignores an answer that arrives after a newer request', async () => {
    let answerGroups: (res: Response) => void = () => {};
    const groupsAnswer = new Promise<Response>((resolve) => (answerGroups = resolve));
    stubFetch((url) => (url.includes('scope=groups') ? groupsAnswer : json(200, { items: [], page: 1, pageSize: 20, hasMore: false })));
    const inbox = useInboxStore();

    const groups = inbox.setScope('groups');
    await inbox.setScope('mine');
    answerGroups(json(200, { items: [item(9)], page: 1, pageSize: 20, hasMore: false }));
    await groups;

    expect(inbox.scope).toBe('mine');
    expect(inbox.items).toEqual([]);
  });
});
