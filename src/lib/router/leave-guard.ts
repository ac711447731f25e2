/**
 * Unsaved work that a move away would lose. A guard is asked with the address about to be
 * opened (null for signing out or closing the page) and answers with the question to ask the
 * reader, or null when that move keeps the work.
 */
export type LeaveGuard = (href: string | null) => string | null;

const guards = new Set<LeaveGuard>();

/** Registers a guard until the returned function is called. */
export function addLeaveGuard(guard: LeaveGuard): () => void {
  guards.add(guard);
  return () => {
    guards.delete(guard);
  };
}

/** The question the first guard that objects asks, or null when nothing would be lost. */
export function leaveQuestion(href: string | null): string | null {
  for (const guard of guards) {
    const question = guard(href);
    if (question) return question;
  }
  return null;
}

/** True when the move may go ahead: nothing would be lost, or the reader agreed to lose it. */
export function confirmLeave(href: string | null): boolean {
  const question = leaveQuestion(href);
  return question === null || window.confirm(question);
}

if (typeof window !== 'undefined') {
  window.addEventListener('beforeunload', (event) => {
    if (leaveQuestion(null) !== null) event.preventDefault();
  });
}
