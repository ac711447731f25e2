import type { Alias } from 'vite';

/**
 * The app is written against React's API and can ship on Preact's implementation of it
 * (`PARALLAX_RENDERER=preact`): the same components and libraries with a runtime a third of React
 * DOM's size (first view about 66 KiB gzip instead of about 121). It is not the default yet: on
 * Preact 11 a signed-in editor's first load of Sources sometimes ends in an uncaught thrown
 * Promise (a lazy part suspending under a nested Suspense boundary that Preact has detached;
 * e2e/stories.spec.ts "removes it and undoes the removal" fails about one run in two), which
 * React DOM never does. The component tests (Vitest, jsdom) always run on React itself, because
 * their libraries load React through Node's own resolution, which no alias reaches.
 */
export const reactOnPreact: Alias[] =
  process.env.VITEST || process.env.PARALLAX_RENDERER !== 'preact'
    ? []
    : [
        { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
        { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
        { find: /^react-dom$/, replacement: 'preact/compat' },
        { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
        { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
        { find: /^react$/, replacement: 'preact/compat' },
      ];
