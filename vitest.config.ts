import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // One throwaway PostgreSQL server for the run; each store test isolates itself in a schema.
          globalSetup: ['server/store/postgres-global-setup.ts'],
          include: [
            'src/domain/**/*.test.ts',
            'server/**/*.test.ts',
            'mocks/**/*.test.ts',
            'scripts/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          testTimeout: 30_000,
          environment: 'jsdom',
          include: ['src/**/*.test.tsx', 'src/{app,features,lib,components}/**/*.test.ts'],
          setupFiles: ['src/test/setup-dom.ts'],
        },
      },
    ],
  },
});
