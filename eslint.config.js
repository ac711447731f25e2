import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const root = import.meta.dirname;
const features = readdirSync(join(root, 'src/features'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/**
 * The architecture's one-way rules, by where a file and its import resolve to, so they hold
 * at any depth and through the `@/` alias alike:
 * app → features → shared (lib, components, domain); features never import each other;
 * shared code never imports a feature or the app; the server never imports browser code.
 */
const zones = [
  ...features.map((feature) => ({
    target: `./src/features/${feature}`,
    from: './src/features',
    except: [`./${feature}`],
    message: 'Features do not import each other; move what they share to src/lib, src/components or src/domain.',
  })),
  ...['lib', 'components', 'domain'].map((shared) => ({
    target: `./src/${shared}`,
    from: ['./src/features', './src/app'],
    message: `src/${shared} is shared by every feature, so it cannot depend on a feature or on the app.`,
  })),
  {
    target: './src/domain',
    from: ['./src/lib', './src/components'],
    message: 'Domain logic is pure: it depends on nothing of the browser app.',
  },
  {
    target: './server',
    from: ['./src/lib', './src/components', './src/features', './src/app'],
    message: 'The server shares only src/domain with the app; the rest of src/ is browser code.',
  },
];

/** What pure domain logic may not reach for: Node's modules (bare names here, `node:*` as a pattern), React, and the DOM's globals. */
const nodeModules = builtinModules.filter((name) => !name.startsWith('node:'));
const domGlobals = ['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'location', 'HTMLElement'];

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'bench/.cache', 'data'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: root } },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: `${root}/tsconfig.json` })],
    },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      'no-console': 'off',
    },
  },
  {
    // Tests read API responses as untyped JSON and use vitest's asymmetric matchers, which are
    // typed `any`; the assertions themselves check those values. Production code gets no such pass.
    files: ['**/*.test.{ts,tsx}', '**/*-test-kit.ts', '**/*-contract.ts', 'e2e/**/*.ts', 'src/test/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
    },
  },
  {
    // These stores implement the asynchronous Store interface over a synchronous driver.
    files: ['server/store/sqlite/**/*.ts', 'server/store/memory/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: nodeModules.map((name) => ({ name, message: 'Domain logic is pure: no Node modules.' })),
          patterns: [
            { group: ['node:*'], message: 'Domain logic is pure: no Node modules.' },
            { group: ['react', 'react/*', 'react-dom', 'react-dom/*'], message: 'Domain logic is pure: no React.' },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...domGlobals.map((name) => ({ name, message: 'Domain logic is pure: no DOM.' })),
      ],
    },
  },
);
