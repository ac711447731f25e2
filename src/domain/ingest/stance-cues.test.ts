import { describe, expect, it } from 'vitest';
import { proposePairStance, proposeStance, readSentenceCues } from './stance-cues';

describe('proposeStance', () => {
  it.each([
    ['The U.S. officials flatly denied reports of a deal.', 'denies', 'flatly denied'],
    ['Washington denied the report on Friday.', 'denies', 'denied'],
    ['A spokesperson said the claim was "not true".', 'denies', 'not true'],
    ['Such a plan has never been discussed, the ministry said.', 'denies', 'has never been discussed'],
    ['Officials dismissed the account as speculation.', 'denies', 'dismissed'],
    [
      'The administration would not give the green light on any Rafah plan.',
      'contradicts',
      'would not give the green light',
    ],
    ['This holds true regardless of how Israel responds.', 'contradicts', 'regardless of'],
    ['Egyptian sources told the newspaper the US agreed.', 'reports', 'told'],
    ['The meeting is set for Thursday, according to two officials.', 'reports', 'according to'],
    ['The White House said the sides will meet again.', 'reports', 'said'],
  ] as const)('%s → %s', (sentence, stance, cue) => {
    expect(proposeStance(sentence)).toEqual({ stance, cue });
  });

  it('treats "declined to comment" as a cue but not a denial', () => {
    expect(proposeStance('The White House declined to comment on the matter.')).toEqual({
      stance: null,
      cue: 'declined to comment',
    });
  });

  it('takes a sentence without cue words as the outlet asserting it', () => {
    expect(proposeStance('Kerem Shalom has become the main entry point for aid.')).toEqual({
      stance: 'asserts',
      cue: null,
    });
  });

  it.each([
    ['Report: US agreed to Rafah operation in return for restraint', 'Report: '],
    ['Israel delays Rafah operation after Iran attack - report', '- report'],
    ['The sides remain at odds, the officials emphasized.', 'emphasized'],
    ['The plan was revealed to Axios by two officials.', 'revealed to'],
  ])('reads "%s" as a report', (sentence, cue) => {
    expect(proposeStance(sentence)).toEqual({ stance: 'reports', cue: cue.trim() });
  });
});

describe('proposePairStance', () => {
  it('applies a denial only to the claim it is about', () => {
    const cues = readSentenceCues('Two US officials denied the report, days after Iran attacked Israel.');
    expect(cues.denial).toMatchObject({ cue: 'denied', referential: true });
    expect(proposePairStance(cues, 'referenced')).toEqual({ stance: 'denies', cue: 'denied' });
    expect(proposePairStance(cues, 'other').stance).not.toBe('denies');
  });

  it('reads a quotation continued from the sentence before as reported', () => {
    const cues = readSentenceCues(
      '“US participants expressed concerns.”',
      '“The two sides agreed,” the statement said.',
    );
    expect(proposePairStance(cues, 'main')).toEqual({
      stance: 'reports',
      cue: 'quotation continued from the sentence before',
    });
    expect(proposePairStance(readSentenceCues('“US participants expressed concerns.”'), 'main').stance).toBe('asserts');
  });

  it('proposes "contradicts" for a claim the sentence says the opposite of', () => {
    const cues = readSentenceCues('The US will not support any Rafah plan, whatever Israel decides on Iran.');
    expect(proposePairStance(cues, 'contradicted')).toEqual({ stance: 'contradicts', cue: 'will not support' });
    expect(proposePairStance(cues, 'main').stance).toBe('asserts');
  });
});
