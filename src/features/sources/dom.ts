/** Keys typed into a field are text, never shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches('input, textarea, select');
}

/**
 * Scrolls `container` so that `element` stands a little below the top of the part of it on
 * screen (each pane scrolls on its own), then, when `page` (the reader moved to it in this pane),
 * the page only as far as needed for the element to be seen. A claim chosen elsewhere moves the
 * panes' text, never the page: the header and the first pane stay where the reader is.
 */
export function scrollWithin(container: HTMLElement, element: HTMLElement, { page = true } = {}): void {
  const frame = container.getBoundingClientRect();
  const offset = element.getBoundingClientRect().top - frame.top + container.scrollTop;
  // A pane that runs below the window: aim at the part of it the reader can see.
  const visibleTop = Math.max(frame.top, 0);
  const visible = Math.min(frame.bottom, window.innerHeight) - visibleTop;
  const lead = !page && visible > 96 ? visibleTop - frame.top : 0;
  const room = !page && visible > 96 ? visible : container.clientHeight;
  const top = Math.max(0, offset - lead - Math.min(48, room / 4));
  if (typeof container.scrollTo === 'function') container.scrollTo({ top });
  else container.scrollTop = top;
  if (page && typeof element.scrollIntoView === 'function')
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}
