import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api } from '../api/client';
import type { LoginResponse, Role, UserView } from '../api/types';

const TOKEN_KEY = 'motcua.token';

export const useAuthStore = defineStore('auth', () => {
  const token = ref<string | null>(localStorage.getItem(TOKEN_KEY));
  const user = ref<UserView | null>(null);
  const isAuthenticated = computed(() => token.value !== null);

  function clear(): void {
    token.value = null;
    user.value = null;
    localStorage.removeItem(TOKEN_KEY);
  }

  async function login(username: string, password: string): Promise<void> {
    const res = await api.post<LoginResponse>('/api/auth/login', { username, password });
    token.value = res.token;
    user.value = res.user;
    localStorage.setItem(TOKEN_KEY, res.token);
  }

  async function logout(): Promise<void> {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // the session is dropped locally whatever the server says
    } finally {
      clear();
    }
  }

  async function loadUser(): Promise<void> {
    user.value = await api.get<UserView>('/api/me');
  }

  function hasRole(role: Role): boolean {
    return user.value?.roles.includes(role) ?? false;
  }

  return { token, user, isAuthenticated, login, logout, loadUser, clear, hasRole };
});
