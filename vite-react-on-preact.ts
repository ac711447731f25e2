import type { Alias } from 'vite';

/**
 * The app is written against React's API and ships on Preact's implementation of it: the same
 * components, hooks and libraries (React Query, Zustand, React Virtual, Recharts) with a runtime
 * a third of React DOM's size, which is what keeps the first view inside its budget
 * (e2e/first-view-budget.spec.ts). The live app, its dev server and the static edition all ship
 * it; the component tests (Vitest, jsdom) run on React itself, because their libraries load React
 * through Node's own resolution, which no alias reaches.
 */
export const reactOnPreact: Alias[] = process.env.VITEST
  ? []
  : [
      { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ];
