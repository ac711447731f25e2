import { describe, expect, it } from 'vitest';
import { splitParagraphs, splitSentences } from '../text-segmentation';
import { datelineLength, sentencesWithoutDatelines } from './datelines';

describe('datelines', () => {
  it.each([
    ['WASHINGTON (Reuters) - US officials met.', 'WASHINGTON (Reuters) - '],
    ['TEL AVIV — Jake Sullivan met officials.', 'TEL AVIV — '],
    ['DOHA, April 22 (Reuters) - US officials denied it.', 'DOHA, April 22 (Reuters) - '],
    ['CAIRO, April 19. /MENA/. Any change requires approval.', 'CAIRO, April 19. /MENA/. '],
    ['WASHINGTON // The administration rejected reports.', 'WASHINGTON // '],
  ])('finds the dateline of "%s"', (paragraph, dateline) => {
    expect(paragraph.slice(0, datelineLength(paragraph))).toBe(dateline);
  });

  it('leaves a paragraph without one alone', () => {
    expect(datelineLength('US and Israeli officials met on Thursday.')).toBe(0);
    expect(datelineLength('NATO - the alliance - met.')).toBe(0);
  });

  it('keeps the dateline out of the sentences', () => {
    const body =
      'Egypt warns on border\n\nCAIRO, April 19. /MENA/. Any change requires approval. Israel cannot act alone.';
    const paragraphs = splitParagraphs(body);
    const sentences = sentencesWithoutDatelines(body, paragraphs, splitSentences(body, paragraphs));
    expect(sentences.map(([s, e]) => body.slice(s, e))).toEqual([
      'Egypt warns on border',
      'Any change requires approval.',
      'Israel cannot act alone.',
    ]);
  });
});
