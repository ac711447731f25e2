import type { SpanAnchor } from '@/domain/schemas';
import { createReanchorer, type SpanStatus } from '@/domain/span-reanchoring';
import { count, ms, ratio } from './bench-format';
import type { BenchModule } from './bench-types';
import { DEFAULT_LARGE_STORY_SEED, generateLargeStory } from './large-story/generate-large-story';

const SPANS = 50_000;

/**
 * An edit such as a correction makes: an update line above the text, one word changed in a
 * sentence near the middle, and the last sentence of the text deleted.
 */
function editOf(body: string, sentences: readonly (readonly [number, number])[]): string {
  const middle = sentences[Math.floor(sentences.length / 2)];
  const last = sentences.at(-1);
  let text = body;
  if (last && sentences.length > 2) text = text.slice(0, last[0]) + text.slice(last[1]);
  if (middle) {
    const sentence = text.slice(middle[0], middle[1]);
    const changed = sentence.replace(/\b(\w{4,})\b/, (word) => `${word}s`);
    text = text.slice(0, middle[0]) + changed + text.slice(middle[1]);
  }
  return `Update: this article was corrected after publication.\n\n${text}`;
}

/**
 * Re-anchoring evidence after an edit of every article of the large story: 50,000 spans
 * re-found in their article's new text, against only reading the text at their offsets.
 */
export const reanchorBench: BenchModule = {
  name: 'reanchor',
  run() {
    const story = generateLargeStory({ seed: DEFAULT_LARGE_STORY_SEED }).stories[0]!;
    const spansByArticle = new Map<string, SpanAnchor[]>();
    let taken = 0;
    for (const mention of story.mentions) {
      for (const span of mention.spans) {
        if (taken >= SPANS) break;
        const list = spansByArticle.get(span.article) ?? [];
        list.push(span);
        spansByArticle.set(span.article, list);
        taken += 1;
      }
    }
    const edits = story.articles
      .filter((a) => spansByArticle.has(a.id))
      .map((a) => ({ old: a.body, next: editOf(a.body, a.sentences), spans: spansByArticle.get(a.id)! }));

    // The baseline: read each span's text at its old offsets in the new version.
    const read = () => {
      let same = 0;
      for (const { next, spans } of edits) {
        for (const span of spans) if (next.slice(span.start, span.end) === span.exact) same += 1;
      }
      return same;
    };
    const statuses: Record<SpanStatus, number> = { kept: 0, changed: 0, unanchored: 0 };
    const reanchor = () => {
      for (const { old, next, spans } of edits) {
        const reanchorer = createReanchorer(old, next);
        for (const span of spans) statuses[reanchorer.reanchor(span).status] += 1;
      }
    };

    read();
    const readStart = performance.now();
    read();
    const baseline = performance.now() - readStart;
    const start = performance.now();
    reanchor();
    const full = performance.now() - start;

    return Promise.resolve([
      {
        title: `Re-anchoring ${count(taken)} evidence spans after an edit of each of ${count(edits.length)} articles`,
        columns: ['what', 'total', 'spans / s', '× reading'],
        rows: [
          [
            'read the text at the old offsets (baseline)',
            ms(baseline),
            count(Math.round((taken / baseline) * 1000)),
            '1.0×',
          ],
          [
            're-anchor (offsets, quote, fuzzy)',
            ms(full),
            count(Math.round((taken / full) * 1000)),
            ratio(full / baseline),
          ],
        ],
        notes: [
          `kept ${count(statuses.kept)}, changed ${count(statuses.changed)}, unanchored ${count(statuses.unanchored)}.`,
          'Each article gets an update line above its text, one word changed near the middle and its last sentence deleted.',
          '× reading: the time ÷ the time to only read each span’s text at its old offsets in the new version, in this run.',
        ],
      },
    ]);
  },
};
