/**
 * Authoring aid for curated mentions: a span may be written as just its quote
 * (`{ "exact": "…", "occurrence": 1 }`); this fills in offsets and quote context, and
 * re-anchors spans whose text has shifted. Run: npm run corpus:anchor
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { anchorQuote, reanchorSpan } from '@/domain/span-anchoring';
import { BUNDLED_CORPUS_DIR, directorySource } from '../server/corpus/read-corpus-dir';

const draftSpanSchema = z.object({
  exact: z.string().min(1),
  occurrence: z.number().int().nonnegative().optional(),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  prefix: z.string().optional(),
  suffix: z.string().optional(),
});
const draftMentionsSchema = z.array(
  z.looseObject({ id: z.string(), article: z.string(), spans: z.array(draftSpanSchema) }),
);
const articleFilesSchema = z.array(z.looseObject({ id: z.string(), source: z.object({ file: z.string() }) }));

const root = process.argv[2] ?? BUNDLED_CORPUS_DIR;
let failures = 0;
for (const dir of directorySource(root).storyDirs()) {
  const storyRoot = join(root, 'stories', dir);
  const articles = articleFilesSchema.parse(JSON.parse(readFileSync(join(storyRoot, 'articles.json'), 'utf8')));
  const bodies = new Map(articles.map((a) => [a.id, readFileSync(join(storyRoot, 'articles', a.source.file), 'utf8')]));
  const mentionsPath = join(storyRoot, 'mentions.json');
  const mentions = draftMentionsSchema.parse(JSON.parse(readFileSync(mentionsPath, 'utf8')));
  for (const mention of mentions) {
    const body = bodies.get(mention.article);
    if (body === undefined) {
      console.error(`${mention.id}: unknown article ${mention.article}`);
      failures += 1;
      continue;
    }
    mention.spans = mention.spans.map((draft) => {
      const anchored =
        draft.start !== undefined && draft.prefix !== undefined && draft.suffix !== undefined
          ? reanchorSpan(body, {
              ...draft,
              start: draft.start,
              end: draft.start + draft.exact.length,
              prefix: draft.prefix,
              suffix: draft.suffix,
            })
          : anchorQuote(body, draft.exact, draft.occurrence ?? 0);
      if (!anchored) {
        console.error(`${mention.id}: quote not found in ${mention.article}: ${JSON.stringify(draft.exact)}`);
        failures += 1;
        return draft;
      }
      return anchored;
    });
  }
  writeFileSync(mentionsPath, `${JSON.stringify(mentions, null, 2)}\n`);
  console.log(`${dir}: ${mentions.length} mentions anchored`);
}
process.exitCode = failures > 0 ? 1 : 0;
