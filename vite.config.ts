import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { constants as zlibConstants } from 'node:zlib';
import { defineConfig } from 'vite';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { reactOnPreact } from './vite-react-on-preact';

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
    alias: [{ find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) }, ...reactOnPreact],
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
              test: /[\\/]node_modules[\\/](react|react-dom|scheduler|preact|@tanstack[\\/](query-core|react-query)|zod)[\\/]/,
            },
          ],
        },
      },
    },
  },
});
