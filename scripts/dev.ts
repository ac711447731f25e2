/**
 * Development: the API server (restarted on change) and Vite's dev server with hot reload,
 * which forwards /api to it. Open the URL Vite prints.
 */
import { spawn } from 'node:child_process';

const apiPort = process.env.PARALLAX_API_PORT ?? '5174';
const children = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/main.ts'], {
    stdio: 'inherit',
    env: {
      ...process.env,
      PORT: apiPort,
      PARALLAX_SKIP_BUILD: '1',
      // Browsers reach the API through Vite's proxy, which keeps their Host and Origin.
      PARALLAX_PUBLIC_ORIGIN: process.env.PARALLAX_PUBLIC_ORIGIN ?? 'http://localhost:5173,http://127.0.0.1:5173',
    },
  }),
  spawn('npx', ['vite'], { stdio: 'inherit', env: { ...process.env, PARALLAX_API_PORT: apiPort } }),
];
const stop = () => children.forEach((child) => child.kill('SIGTERM'));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const child of children)
  child.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
