import { describe, expect, it } from 'vitest';
import { formatDay, formatDayRange } from './format-date';

describe('formatDay', () => {
  it('names a calendar day, the same when asked again', () => {
    expect(formatDay('2024-04-18')).toBe('18 Apr 2024');
    expect(formatDay('2024-04-18')).toBe('18 Apr 2024');
    expect(formatDay('2024-03-21')).toBe('21 Mar 2024');
  });

  it('refuses a day that does not exist, each time', () => {
    expect(() => formatDay('2024-02-31x')).toThrow(RangeError);
    expect(() => formatDay('2024-02-31x')).toThrow(RangeError);
  });

  it('names a range by both ends', () => {
    expect(formatDayRange('2024-03-21', '2024-04-17')).toBe('21 Mar 2024 – 17 Apr 2024');
  });
});
