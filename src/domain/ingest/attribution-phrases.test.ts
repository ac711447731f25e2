import { describe, expect, it } from 'vitest';
import { findAttributionPhrases, type AttributionKind } from './attribution-phrases';

const phrases = (text: string, kind?: AttributionKind) =>
  findAttributionPhrases(text)
    .filter((p) => !kind || p.kind === kind)
    .map((p) => ({ kind: p.kind, source: p.source, recipient: p.recipient, text: text.slice(...p.range) }));

describe('findAttributionPhrases', () => {
  it('finds "according to" with named and unnamed sources', () => {
    expect(phrases('The meeting is on Thursday, according to two U.S. officials.', 'according-to')).toEqual([
      { kind: 'according-to', source: 'two U.S. officials', recipient: null, text: 'according to two U.S. officials' },
    ]);
    expect(phrases('According to the report, the IDF had planned to drop leaflets.', 'according-to')[0]?.source).toBe(
      'the report',
    );
    expect(phrases('according to The Wall Street Journal, talks stalled', 'according-to')[0]?.source).toBe(
      'The Wall Street Journal',
    );
  });

  it('finds "X told Y" with who told whom', () => {
    expect(phrases('Egyptian sources told Al-Araby Al-Jadeed that the US agreed.', 'told')).toEqual([
      {
        kind: 'told',
        source: 'Egyptian sources',
        recipient: 'Al-Araby Al-Jadeed',
        text: 'Egyptian sources told Al-Araby Al-Jadeed',
      },
    ]);
    expect(phrases('A senior official told the newspaper that "it is done."', 'told')[0]).toMatchObject({
      source: 'A senior official',
      recipient: 'the newspaper',
    });
    expect(phrases('Earlier this week, officials told CNN that Israel was set to begin.', 'told')[0]).toMatchObject({
      source: 'officials',
      recipient: 'CNN',
    });
  });

  it('finds "X said" and "said X", but not pronouns', () => {
    expect(phrases('The White House said in a statement that the two sides met.', 'said')[0]?.source).toBe(
      'The White House',
    );
    expect(phrases('a Deputy Spokesperson for the State Department said Thursday.', 'said')[0]?.source).toBe(
      'a Deputy Spokesperson for the State Department',
    );
    expect(phrases('"We are close," said Prime Minister Benjamin Netanyahu.', 'said')[0]?.source).toBe(
      'Prime Minister Benjamin Netanyahu',
    );
    expect(phrases('the White House statement said.', 'said')[0]?.source).toBe('the White House statement');
    expect(phrases('It said the talks would go on.', 'said')).toEqual([]);
    expect(phrases('the officials said on Monday', 'said')[0]?.source).toBe('the officials');
  });

  it('recognizes unnamed sources however they are counted or qualified', () => {
    const text =
      'two U.S. officials, a senior official, Egyptian sources, US officials, several Western diplomats and Egyptian military officials spoke; a senior Israeli official too.';
    expect(phrases(text, 'unnamed-source').map((p) => p.source)).toEqual([
      'two U.S. officials',
      'a senior official',
      'Egyptian sources',
      'US officials',
      'several Western diplomats',
      'Egyptian military officials',
      'a senior Israeli official',
    ]);
  });

  it.each([
    [
      'The US agreed, the London-based al-Araby al-Jadeed reported on Thursday, citing Egyptian sources.',
      'Egyptian sources → the London-based al-Araby al-Jadeed',
    ],
    [
      'Two US officials later flatly denied the report, telling Axios that there was no such deal.',
      'Two US officials → Axios',
    ],
    [
      'The denial followed a report in the New Arab, which quoted a senior official as saying so.',
      'a senior official → the New Arab',
    ],
    [
      'Egyptian sources tell the Al-Araby Al-Jadeed newspaper that Washington signed off.',
      'Egyptian sources → the Al-Araby Al-Jadeed newspaper',
    ],
  ])('finds who told whom in "%s"', (text, chain) => {
    const told = findAttributionPhrases(text).filter((p) => p.kind === 'told');
    expect(told.map((p) => `${p.source} → ${p.recipient}`)).toContain(chain);
  });

  it('finds referents and bodies as speakers', () => {
    const sources = (text: string) => findAttributionPhrases(text).map((p) => p.source);
    expect(sources('“The talks broadened,” the readout said.')).toContain('the readout');
    expect(sources('“This is not true,” one of the officials said.')).toContain('one of the officials');
    expect(sources('Israeli media reported on Wednesday that the plans were approved.')).toContain('Israeli media');
  });

  it('finds nothing in a sentence without attribution', () => {
    expect(findAttributionPhrases('Kerem Shalom has become the main entry point for aid.')).toEqual([]);
  });
});
