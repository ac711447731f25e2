import { describe, expect, it } from 'vitest';
import { proposeStance } from './stance-cues';

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
});
