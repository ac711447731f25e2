import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The static edition of one story (`npm run build:edition`): the same app from its own entry
 * (edition/index.html), which starts the service worker that answers the API in the browser.
 * The live app's build (vite.config.ts) is untouched by it.
 */
export default defineConfig({
  root: fileURLToPath(new URL('./edition/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  plugins: [react()],
  resolve: { alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }] },
  build: { target: 'es2022', sourcemap: false, emptyOutDir: true },
});
