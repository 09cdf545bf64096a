import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import LoginView from '../../web/src/views/LoginView.vue';
import { createAppI18n } from '../../web/src/i18n';
import { createAppRouter } from '../../web/src/router';
import { json, stubFetch } from './respond';

describe('LoginView', () => {
  beforeEach(() => {
    localStorage.clear();
    vi.unstubAllGlobals();
  });

  it('shows the Vietnamese message the API gives for bad credentials', async () => {
    const fetch = stubFetch(() =>
      json(401, { error: { code: 'BAD_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng', field: 'password' } }),
    );
    const router = createAppRouter(createMemoryHistory());
    const pinia = createPinia();
    const wrapper = mount(LoginView, { global: { plugins: [pinia, createAppI18n('vi'), router] } });
    await router.push('/login');

    await wrapper.get('[data-test="login-username"]').setValue('motcua.xa1');
    await wrapper.get('[data-test="login-password"]').setValue('sai-mat-khau');
    await wrapper.get('form').trigger('submit');
    await flushPromises();

    expect(fetch).toHaveBeenCalledOnce();
    expect(wrapper.get('[data-test="login-error"]').text()).toBe('Tên đăng nhập hoặc mật khẩu không đúng');
    expect(wrapper.get('[data-test="login-password"]').attributes('aria-invalid')).toBe('true');
    expect(router.currentRoute.value.name).toBe('login');
  });
});
