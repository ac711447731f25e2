import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';

const reactOnPreact = [
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

const apiPort = process.env.PARALLAX_API_PORT ?? '5174';

export default defineConfig({
  // Every text asset also as .br and .gz beside it, compressed once at build time at the highest
  // levels; the server sends the one the browser accepts (server/http/create-server-app.ts).
  plugins: [
    react(),
    compression({
      include: /\.(?:js|css|html|svg|json)$/,
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
    }),
  ],
  // `@/…` is `src/…`, as in tsconfig.base.json.
  resolve: {
    alias: [
      { find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
      // The app is written against React's API and ships on Preact's implementation of it: the
      // same components, hooks and libraries (React Query, Zustand, React Virtual, Recharts) with
      // a runtime a third of React DOM's size, which is what keeps the first view inside its
      // budget (e2e/first-view-budget.spec.ts). The dev server and every end-to-end test run the
      // shipped renderer; the component tests (Vitest, jsdom) run on React itself, because their
      // libraries load React through Node's own resolution, which no alias reaches.
      ...(process.env.VITEST ? [] : reactOnPreact),
    ],
  },
  server: {
    port: 5173,
    // The API pins its public origins to this port (see scripts/dev.ts): never another one.
    strictPort: true,
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // What every view runs on, in one chunk: fewer, larger files compress better than
              // the fragments the splitter would otherwise cut from them.
              name: 'runtime',
              test: /[\\/]node_modules[\\/](preact|@tanstack[\\/](query-core|react-query)|zod)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
