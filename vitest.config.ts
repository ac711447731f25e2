import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config';

// The app's own Vite config (plugins, the `@/` alias), plus the test projects.
export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            // One throwaway PostgreSQL server for the run; each store test isolates itself in a schema.
            globalSetup: ['server/store/postgres-test-kit.ts'],
            include: [
              'src/domain/**/*.test.ts',
              'server/**/*.test.ts',
              'mocks/**/*.test.ts',
              'scripts/**/*.test.ts',
              'bench/**/*.test.ts',
              '*.test.ts',
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
  }),
);
