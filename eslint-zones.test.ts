import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The architecture's import rules, proved on probe files written into a temporary copy of the
 * repository: each probe breaks (or keeps) one rule, at a depth the old path regex missed.
 */
const ZONE_RULES = new Set(['import-x/no-restricted-paths', 'no-restricted-imports', 'no-restricted-globals']);

const probes: Record<string, { code: string; breaks: boolean }> = {
  'src/features/sources/deep/er/cross-feature-relative.ts': {
    code: "export { matrixModelFor } from '../../../matrix/model/matrix-model';\n",
    breaks: true,
  },
  'src/features/sources/cross-feature-alias.ts': {
    code: "export { matrixModelFor } from '@/features/matrix/model/matrix-model';\n",
    breaks: true,
  },
  'src/lib/deep/lib-imports-feature.ts': {
    code: "export { SourcesView } from '@/features/sources/components/sources-view';\n",
    breaks: true,
  },
  'src/components/deep/er/component-imports-app.tsx': {
    code: "export { AppShell } from '../../../app/app-shell';\n",
    breaks: true,
  },
  'src/domain/deep/domain-imports-lib.ts': {
    code: "export { getJson } from '@/lib/api/get-json';\n",
    breaks: true,
  },
  'src/domain/deep/domain-imports-fs.ts': { code: "export { readFileSync } from 'fs';\n", breaks: true },
  'src/domain/deep/er/domain-imports-node-path.ts': { code: "export { join } from 'node:path';\n", breaks: true },
  'src/domain/domain-imports-react.ts': { code: "export { useState } from 'react';\n", breaks: true },
  'src/domain/deep/domain-uses-dom.ts': { code: 'export const title = () => document.title;\n', breaks: true },
  'server/deep/er/server-imports-lib.ts': {
    code: "export { getJson } from '../../../src/lib/api/get-json';\n",
    breaks: true,
  },
  'server/server-imports-component.ts': {
    code: "export { StanceBadge } from '@/components/stance-badge';\n",
    breaks: true,
  },
  'server/server-imports-feature.ts': {
    code: "export { SourcesView } from '../src/features/sources/components/sources-view';\n",
    breaks: true,
  },
  // What the rules allow: a feature's own folders and the shared code, the server's use of the domain.
  'src/features/sources/deep/er/allowed.ts': {
    code: "export { indexStory } from '@/domain/story-index';\nexport { passagesByArticle } from '../../model/passages-by-article';\n",
    breaks: false,
  },
  'server/deep/allowed.ts': { code: "export { indexStory } from '../../src/domain/story-index';\n", breaks: false },
};

let copy: string;
let results: Map<string, ESLint.LintResult>;

beforeAll(async () => {
  const root = import.meta.dirname;
  copy = mkdtempSync(join(tmpdir(), 'parallax-zones-'));
  for (const entry of ['src', 'server', 'eslint.config.js', 'package.json']) {
    cpSync(join(root, entry), join(copy, entry), { recursive: true });
  }
  for (const config of ['tsconfig.json', 'tsconfig.base.json']) cpSync(join(root, config), join(copy, config));
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  for (const [path, { code }] of Object.entries(probes)) {
    mkdirSync(dirname(join(copy, path)), { recursive: true });
    writeFileSync(join(copy, path), code);
  }
  const eslint = new ESLint({
    cwd: copy,
    // Only the import rules: the type-aware rules need a full program and prove nothing here.
    ruleFilter: ({ ruleId }) => ZONE_RULES.has(ruleId),
    overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  });
  const linted = await eslint.lintFiles(Object.keys(probes));
  results = new Map(linted.map((result) => [result.filePath.slice(copy.length + 1), result]));
}, 120_000);

afterAll(() => {
  if (copy) rmSync(copy, { recursive: true, force: true });
});

describe('the import zones', () => {
  it.each(Object.entries(probes))('%s', (path, { breaks }) => {
    const result = results.get(path);
    expect(result, `ESLint did not lint ${path}`).toBeDefined();
    const zoneErrors = result!.messages.filter((message) => message.ruleId && ZONE_RULES.has(message.ruleId));
    const otherErrors = result!.messages.filter((message) => message.fatal);
    expect(otherErrors).toEqual([]);
    if (breaks) expect(zoneErrors.map((message) => message.line)).toEqual([1]);
    else expect(zoneErrors).toEqual([]);
  });
});
