import { describe, expect, it } from 'vitest';
import { countStances, isContested, isOpposing, isSupporting } from './stance-rules';

const m = (...stances: ('asserts' | 'reports' | 'denies' | 'contradicts')[]) => stances.map((stance) => ({ stance }));

describe('stance rules', () => {
  it('sorts stances into for and against, silence into neither', () => {
    expect(['asserts', 'reports'].every((s) => isSupporting(s as 'asserts'))).toBe(true);
    expect(['denies', 'contradicts'].every((s) => isOpposing(s as 'denies'))).toBe(true);
    expect(isSupporting('silent') || isOpposing('silent')).toBe(false);
  });

  it('calls a claim contested only when it has both a source for and one against', () => {
    expect(isContested(m('reports', 'denies'))).toBe(true);
    expect(isContested(m('asserts', 'contradicts'))).toBe(true);
    expect(isContested(m('asserts', 'reports'))).toBe(false);
    expect(isContested(m('denies', 'contradicts'))).toBe(false);
    expect(isContested([])).toBe(false);
  });

  it('counts each stance', () => {
    expect(countStances(m('reports', 'reports', 'denies'))).toEqual({
      asserts: 0,
      reports: 2,
      denies: 1,
      contradicts: 0,
    });
  });
});
