import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useAuthStore } from '../../web/src/stores/auth';
import { ApiError } from '../../web/src/api/client';
import { json, stubFetch } from './respond';

const user = { id: 3, username: 'motcua.xa1', fullName: 'Nguyễn Thị Lan', agency: { code: 'XA1', name: 'UBND xã Một' }, roles: ['desk'] };

describe('auth store', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.unstubAllGlobals();
    setActivePinia(createPinia());
  });

  it('stores the token from a successful login and sends it afterwards', async () => {
    const fetch = stubFetch((url) => (url === '/api/auth/login' ? json(200, { token: 'tok-1', user }) : json(200, user)));
    const auth = useAuthStore();

    await auth.login('motcua.xa1', 'motcua2026');

    expect(auth.token).toBe('tok-1');
    expect(auth.user?.fullName).toBe('Nguyễn Thị Lan');
    expect(localStorage.getItem('motcua.token')).toBe('tok-1');
    expect(JSON.parse(fetch.mock.calls[0][1].body as string)).toEqual({ username: 'motcua.xa1', password: 'motcua2026' });

    await auth.loadUser();
    expect(new Headers(fetch.mock.calls[1][1].headers).get('authorization')).toBe('Bearer tok-1');
  });

  it('clears the session when the API answers 401 to a token', async () => {
    localStorage.setItem('motcua.token', 'expired');
    stubFetch(() => json(401, { error: { code: 'UNAUTHENTICATED', message: 'Phiên đăng nhập đã hết hạn' } }));
    const auth = useAuthStore();
    expect(auth.isAuthenticated).toBe(true);

    await expect(auth.loadUser()).rejects.toBeInstanceOf(ApiError);

    expect(auth.token).toBeNull();
    expect(localStorage.getItem('motcua.token')).toBeNull();
  });

  it('keeps the API message and field of a failed login', async () => {
    stubFetch(() => json(401, { error: { code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng', field: 'password' } }));
    const auth = useAuthStore();

    const error = await auth.login('motcua.xa1', 'sai').catch((e: unknown) => e);

    expect(error).toMatchObject({ status: 401, code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng', field: 'password' });
    expect(auth.isAuthenticated).toBe(false);
  });
});
