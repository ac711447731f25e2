import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = process.env.PARALLAX_API_PORT ?? '5174';

export default defineConfig({
  plugins: [react()],
  server: {
    port: 5173,
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
  },
});
