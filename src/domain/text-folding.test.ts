import { describe, expect, it } from 'vitest';
import { foldText } from './text-folding';

describe('foldText', () => {
  it('folds case, accents and compatibility forms, and leaves ASCII as lower case', () => {
    expect(foldText('Café CAFE ｃａｆé Œuvre')).toBe('cafe cafe cafe œuvre');
    expect(foldText('Al-Araby Al-Jadeed')).toBe('al-araby al-jadeed');
  });
});
