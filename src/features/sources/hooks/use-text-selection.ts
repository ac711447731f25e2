import { useCallback, useEffect, useState, type RefObject } from 'react';
import type { CharRange } from '@/domain/schemas';
import { snapToWords } from '@/domain/word-boundaries';
import { rangeToOffsets } from './selection-offsets';

/** Words selected in a pane's text, snapped to whole words, and where they stand on the page. */
export type TextSelection = {
  range: CharRange;
  exact: string;
  /** Where the selection ends, relative to `within` (for the button shown beside it). */
  at: { top: number; left: number } | null;
};

type Options = {
  body: string;
  paragraphs: readonly CharRange[];
  /** The element the `at` position is measured from (the pane). */
  within: RefObject<HTMLElement | null>;
};

/**
 * The words selected in `text` (with the mouse, the keyboard or a script, all the same), kept
 * while the editor works with them elsewhere: a new selection in the text replaces them, a
 * click in the text (an empty selection there) or `clear()` lets them go.
 */
export function useTextSelection(text: RefObject<HTMLElement | null>, { body, paragraphs, within }: Options) {
  const [selection, setSelection] = useState<TextSelection | null>(null);

  useEffect(() => {
    const onChange = () => {
      const element = text.current;
      const current = document.getSelection();
      if (!element || !current || current.rangeCount === 0) return;
      const range = current.getRangeAt(0);
      const inside = element.contains(range.commonAncestorContainer);
      if (current.isCollapsed) {
        if (inside) setSelection(null);
        return;
      }
      if (!range.intersectsNode(element)) return;
      const offsets = rangeToOffsets(element, paragraphs, range);
      const snapped = offsets && snapToWords(body, offsets[0], offsets[1]);
      if (!snapped) return;
      const frame = within.current?.getBoundingClientRect();
      const box = typeof range.getBoundingClientRect === 'function' ? range.getBoundingClientRect() : null;
      const at =
        frame && box && (box.width > 0 || box.height > 0)
          ? { top: box.bottom - frame.top + 4, left: Math.max(0, Math.min(box.right - frame.left, frame.width - 40)) }
          : null;
      setSelection((previous) =>
        previous && previous.range[0] === snapped[0] && previous.range[1] === snapped[1] && !at
          ? previous
          : { range: snapped, exact: body.slice(snapped[0], snapped[1]), at },
      );
    };
    // Scrolled, the text leaves the button beside it behind: the pane's bar still offers the words.
    const onScroll = () => setSelection((previous) => (previous?.at ? { ...previous, at: null } : previous));
    const element = text.current;
    document.addEventListener('selectionchange', onChange);
    element?.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      document.removeEventListener('selectionchange', onChange);
      element?.removeEventListener('scroll', onScroll);
    };
  }, [text, body, paragraphs, within]);

  const clear = useCallback(() => setSelection(null), []);
  return { selection, clear };
}
