import { defineConfig, type Plugin } from 'vite';
import vue from '@vitejs/plugin-vue';
import { fileURLToPath } from 'node:url';

// Run from the repo root (`vite build --config web/vite.config.ts`); everything resolves against web/.
const root = fileURLToPath(new URL('.', import.meta.url));

/** In `vite dev`, /tra-cuu[/<code>] opens the citizens' status page as the API server does in production. */
const statusPageInDev: Plugin = {
  name: 'motcua-status-page-dev',
  configureServer(server) {
    server.middlewares.use((req, _res, next) => {
      if (req.url && /^\/tra-cuu(\/|\?|$)/.test(req.url)) req.url = '/status/index.html';
      next();
    });
  },
};

export default defineConfig({
  root,
  plugins: [vue(), statusPageInDev],
  define: {
    // vue-i18n feature flags: composition API only, no devtools hooks in production.
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      // Two pages: the officers' app, and the citizens' public status page (web/status, own small bundle).
      input: {
        index: fileURLToPath(new URL('index.html', import.meta.url)),
        status: fileURLToPath(new URL('status/index.html', import.meta.url)),
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
