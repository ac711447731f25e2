import type { Alias } from 'vite';

const PREACT_ALIASES: Alias[] = [
  { find: /^react-dom\/test-utils$/, replacement: 'preact/test-utils' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
  { find: /^react$/, replacement: 'preact/compat' },
];

/**
 * The app is written against React's API and ships on Preact's implementation of it: the same
 * components and libraries on a runtime a third of React DOM's size, which keeps the first view
 * (about 67 KiB of gzipped JavaScript, about 123 on React DOM) inside the 100 KiB budget of
 * PRODUCT.md. `PARALLAX_RENDERER=react` builds it on React DOM itself. The component tests
 * (Vitest, jsdom) always run on React, because their libraries load React through Node's own
 * resolution, which no alias reaches.
 */
export function rendererAliases(env: Record<string, string | undefined>): Alias[] {
  const renderer = env.PARALLAX_RENDERER || 'preact';
  if (renderer !== 'preact' && renderer !== 'react') {
    throw new Error(`PARALLAX_RENDERER is "${renderer}": it is "preact" (the default) or "react"`);
  }
  return env.VITEST || renderer === 'react' ? [] : PREACT_ALIASES;
}

export const reactOnPreact: Alias[] = rendererAliases(process.env);
