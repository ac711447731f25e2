import { describe, expect, it } from 'vitest';
import { anchorQuote, checkSpan } from './span-anchoring';
import { reanchorSpans, type ReanchoredSpan } from './span-reanchoring';

const S1 = 'Israeli and US officials met in Washington on Tuesday to discuss the planned operation.';
const S2 = '"We are not going to support a major ground operation in Rafah," the official said.';
const S3 = 'The talks lasted more than two hours and ended without an agreement on a date.';
const S4 = 'A second meeting is expected next week, according to two people familiar with the plans.';
const S5 = 'Aid groups warned that more than a million people are sheltering in the city.';

const OLD = [S1, S2, S3, S4, S5].join(' ');

function anchor(body: string, quote: string) {
  const found = anchorQuote(body, quote);
  if (!found) throw new Error(`no ${quote} in the text`);
  return found;
}

function expectResolved(body: string, result: ReanchoredSpan) {
  if (result.status === 'unanchored') throw new Error('expected the span to be found');
  expect(checkSpan(body, result.anchor)).toEqual({ ok: true });
  return result.anchor;
}

describe('reanchorSpans', () => {
  it('keeps a span at its offsets when the text before it is unchanged', () => {
    const next = `${OLD} A later paragraph was added at the end.`;
    const [result] = reanchorSpans(OLD, next, [anchor(OLD, S3)]);
    expect(result).toMatchObject({ status: 'kept', how: 'offsets' });
  });

  it('follows a sentence that moved to another place', () => {
    const next = [S1, S3, S4, S5, S2].join(' ');
    const [result] = reanchorSpans(OLD, next, [anchor(OLD, S2)]);
    expect(result).toMatchObject({ status: 'kept', how: 'quote' });
    const found = expectResolved(next, result!);
    expect(found.start).toBe(next.indexOf(S2));
    expect(found.exact).toBe(S2);
  });

  it('follows the text when a paragraph is inserted above it', () => {
    const next = `Update: this article was revised on Wednesday with new details from the talks.\n\n${OLD}`;
    const [result] = reanchorSpans(OLD, next, [anchor(OLD, 'ended without an agreement')]);
    expect(result).toMatchObject({ status: 'kept', how: 'quote' });
    expect(expectResolved(next, result!).start).toBe(next.indexOf('ended without an agreement'));
  });

  it('marks a span changed when a word of its sentence changed, with the new text', () => {
    const changed = S3.replace('two hours', 'three hours');
    const next = [S1, S2, changed, S4, S5].join(' ');
    const [result] = reanchorSpans(OLD, next, [anchor(OLD, S3)]);
    expect(result?.status).toBe('changed');
    const found = expectResolved(next, result!);
    expect(found.exact).toBe(changed);
  });

  it('marks a span changed when its punctuation and quotation marks changed', () => {
    const curly = '“We are not going to support a major ground operation in Rafah”, the official said.';
    const next = [S1, curly, S3, S4, S5].join(' ');
    const [result] = reanchorSpans(OLD, next, [anchor(OLD, S2)]);
    expect(result?.status).toBe('changed');
    expect(expectResolved(next, result!).exact).toBe(curly);
  });

  it('leaves a span unanchored when its sentence was deleted', () => {
    const next = [S1, S2, S4, S5].join(' ');
    const [result] = reanchorSpans(OLD, next, [anchor(OLD, S3)]);
    expect(result?.status).toBe('unanchored');
  });

  it('keeps the anchor on the original when a similar sentence is added elsewhere', () => {
    const lookAlike = 'The talks lasted more than three hours and ended without an agreement on a venue.';
    const next = [S1, lookAlike, S2, S3, S4, S5].join(' ');
    const [result] = reanchorSpans(OLD, next, [anchor(OLD, S3)]);
    expect(result).toMatchObject({ status: 'kept' });
    expect(expectResolved(next, result!).start).toBe(next.indexOf(S3));
  });

  it('does not let a similar sentence elsewhere capture the anchor of a deleted one', () => {
    const lookAlike = 'The talks lasted more than two hours and ended without an agreement on aid.';
    const next = [S1, S2, S4, S5, 'In a separate meeting on Gaza aid:', lookAlike].join(' ');
    const [result] = reanchorSpans(OLD, next, [anchor(OLD, S3)]);
    expect(result?.status).toBe('unanchored');
  });

  it('does not move a short quote to another occurrence once its own sentence is gone', () => {
    const old = `${S1} The official said Rafah was discussed. ${S4} Rafah is in the south.`;
    const next = `${S1} ${S4} Rafah is in the south.`;
    const span = anchor(old, 'Rafah');
    const [result] = reanchorSpans(old, next, [span]);
    expect(result?.status).toBe('unanchored');
  });

  it('re-anchors each span of a list in order, independently', () => {
    const next = [S1, S2.replace('major', 'large'), S4, S5].join(' ');
    const results = reanchorSpans(OLD, next, [anchor(OLD, S1), anchor(OLD, S2), anchor(OLD, S3)]);
    expect(results.map((r) => r.status)).toEqual(['kept', 'changed', 'unanchored']);
  });
});
