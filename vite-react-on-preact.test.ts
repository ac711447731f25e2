import { describe, expect, it } from 'vitest';
import { rendererAliases } from './vite-react-on-preact';

const targets = (env: Record<string, string | undefined>) =>
  Object.fromEntries(rendererAliases(env).map(({ find, replacement }) => [String(find), replacement]));

describe('the renderer the app is built on', () => {
  it('is Preact by default: React and React DOM resolve to preact/compat', () => {
    expect(targets({})).toMatchObject({
      '/^react$/': 'preact/compat',
      '/^react-dom$/': 'preact/compat',
      '/^react-dom\\/client$/': 'preact/compat/client',
      '/^react\\/jsx-runtime$/': 'preact/jsx-runtime',
    });
    expect(targets({ PARALLAX_RENDERER: 'preact' })).toEqual(targets({}));
  });

  it('is React itself with PARALLAX_RENDERER=react, and always under Vitest', () => {
    expect(rendererAliases({ PARALLAX_RENDERER: 'react' })).toEqual([]);
    expect(rendererAliases({ VITEST: 'true' })).toEqual([]);
    expect(rendererAliases({ VITEST: 'true', PARALLAX_RENDERER: 'preact' })).toEqual([]);
  });

  it('refuses a renderer it does not know rather than picking one', () => {
    expect(() => rendererAliases({ PARALLAX_RENDERER: 'React' })).toThrow(/"preact" \(the default\) or "react"/);
  });
});
