import { describe, expect, it } from 'vitest';
import { parseDayInput } from './day-input';

describe('parseDayInput', () => {
  it('reads the app format, the full month and ISO days', () => {
    expect(parseDayInput('18 Apr 2024')).toBe('2024-04-18');
    expect(parseDayInput(' 1 april 2024 ')).toBe('2024-04-01');
    expect(parseDayInput('9 Sept 2024')).toBeNull();
    expect(parseDayInput('2024-05-21')).toBe('2024-05-21');
  });

  it('refuses what is not a whole, real day', () => {
    expect(parseDayInput('31 Apr 2024')).toBeNull();
    expect(parseDayInput('Apr 2024')).toBeNull();
    expect(parseDayInput('18 Apr 24')).toBeNull();
    expect(parseDayInput('2024-02-30')).toBeNull();
    expect(parseDayInput('')).toBeNull();
  });
});
