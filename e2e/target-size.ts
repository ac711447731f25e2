import type { Page } from '@playwright/test';

/**
 * Interactive controls smaller than 24×24 CSS pixels (WCAG 2.5.8). Links inside running text are
 * exempt, as the criterion allows, and so are checkboxes and radios inside their (larger) labels.
 */
export async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('button, a[href], select, input, summary, [role=gridcell]')]
      .filter((el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden')
      .filter((el) => !(el.matches('a') && el.closest('p, li, blockquote, dd') && !el.matches('.mx-claim__text')))
      .filter((el) => !(el.matches('input[type=checkbox], input[type=radio]') && el.closest('label')))
      .filter((el) => !el.closest('.visually-hidden, .skip-link'))
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width < 24 || box.height < 24)
      .map(
        ({ el, box }) =>
          `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`,
      ),
  );
}
