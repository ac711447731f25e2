import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { reactOnPreact } from './vite-react-on-preact';

/**
 * The static edition of one story (`npm run build:edition`): the same app from its own entry
 * (edition/index.html), which starts the service worker that answers the API in the browser.
 * The live app's build (vite.config.ts) is untouched by it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./edition/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  plugins: [react()],
  resolve: {
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }, ...reactOnPreact],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    emptyOutDir: true,
    // The API app (about 1.2 MB, 330 KB gzipped): one chunk, loaded with the first API request.
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      onLog(level, log, handler) {
        // The API's modules for signing in and adding coverage import Node's crypto, dns and
        // http; the edition refuses every change and passes no cookie on, so none of them runs
        // (edition-app.ts).
        if (/externalized for browser compatibility/.test(log.message)) return;
        handler(level, log);
      },
    },
  },
});
