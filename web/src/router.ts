import { createRouter, createWebHistory, type RouterHistory } from 'vue-router';
import type { Role } from './api/types';
import { safeRedirect } from './safe-redirect';
import { useAuthStore } from './stores/auth';
import LoginView from './views/LoginView.vue';
import InboxView from './views/InboxView.vue';
import DossierView from './views/DossierView.vue';
import ReceiveView from './views/ReceiveView.vue';

declare module 'vue-router' {
  interface RouteMeta {
    public?: boolean;
    role?: Role;
  }
}

export function createAppRouter(history: RouterHistory = createWebHistory()) {
  const router = createRouter({
    history,
    routes: [
      { path: '/login', name: 'login', component: LoginView, meta: { public: true } },
      { path: '/', name: 'inbox', component: InboxView },
      { path: '/dossiers/:code', name: 'dossier', component: DossierView, props: true },
      { path: '/receive', name: 'receive', component: ReceiveView, meta: { role: 'desk' } },
      // The process designer: its own lazy chunks (bpmn-js Modeler), never loaded by officers.
      { path: '/designer', name: 'designer', component: () => import('./designer/DesignerListView.vue'), meta: { role: 'designer' } },
      { path: '/designer/:processId', name: 'designer-editor', component: () => import('./designer/DesignerEditorView.vue'), props: true, meta: { role: 'designer' } },
      { path: '/:rest(.*)*', redirect: '/' },
    ],
  });

  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    if (to.meta.public) return to.name === 'login' && auth.user ? safeRedirect(to.query.redirect) : true;
    if (!auth.isAuthenticated) return { name: 'login', query: { redirect: to.fullPath } };
    if (!auth.user) {
      try {
        await auth.loadUser();
      } catch {
        return { name: 'login', query: { redirect: to.fullPath } };
      }
    }
    if (to.meta.role && !auth.hasRole(to.meta.role)) return { name: 'inbox' };
    return true;
  });

  return router;
}
