/** Keys typed into a field are text, never shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/**
 * Scrolls `container` so that `element` stands a little below its top (each pane scrolls on its
 * own), then the page only as far as needed for the element to be seen.
 */
export function scrollWithin(container: HTMLElement, element: HTMLElement): void {
  const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top + container.scrollTop;
  const top = Math.max(0, offset - Math.min(48, container.clientHeight / 4));
  if (typeof container.scrollTo === 'function') container.scrollTo({ top });
  else container.scrollTop = top;
  if (typeof element.scrollIntoView === 'function') element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
