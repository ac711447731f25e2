import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useId, useRef, useState } from 'react';
import { sessionQueries } from '@/lib/api/session-queries';
import { confirmLeave } from '@/lib/router/leave-guard';
import { useSignOut } from '../api/session-mutations';
import '../session.css';

const SignInForm = lazy(() => import('./sign-in-form').then((m) => ({ default: m.SignInForm })));

/**
 * The header's account corner: who is signed in, with sign-out; or a button that opens the
 * sign-in form. Signing in and out is announced.
 */
export function SessionStatus() {
  const id = useId();
  const session = useQuery(sessionQueries.current());
  const signOut = useSignOut();
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const toggleRef = useRef<HTMLButtonElement>(null);
  const user = session.data?.user ?? null;

  // The form or the button goes away: focus starts again at the view's heading, not the page top.
  const focusView = () => document.getElementById('view-heading')?.focus();

  const close = () => {
    setOpen(false);
    toggleRef.current?.focus();
  };

  return (
    <div className="session">
      <p role="status" aria-live="polite" className="visually-hidden">
        {announcement}
      </p>
      {user ? (
        <>
          <p className="session__who">
            Signed in as <strong>{user.username}</strong> <span className="session__role">({user.role})</span>
          </p>
          <button
            type="button"
            disabled={signOut.isPending}
            onClick={() => {
              if (!confirmLeave(null)) return;
              signOut.mutate(undefined, {
                onSuccess: () => {
                  setAnnouncement('Signed out.');
                  focusView();
                },
                onError: (error) => setAnnouncement(`Not signed out: ${error.message}`),
              });
            }}
          >
            Sign out
          </button>
        </>
      ) : session.isPending ? null : (
        <>
          <button
            ref={toggleRef}
            type="button"
            aria-expanded={open}
            aria-controls={open ? `${id}-form` : undefined}
            onClick={() => (open ? close() : setOpen(true))}
          >
            Sign in
          </button>
          {open ? (
            <div id={`${id}-form`} className="session__panel">
              <Suspense fallback={<p role="status">Loading…</p>}>
                <SignInForm
                  onSignedIn={(username) => {
                    setOpen(false);
                    setAnnouncement(`Signed in as ${username}.`);
                    focusView();
                  }}
                  onCancel={close}
                />
              </Suspense>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
