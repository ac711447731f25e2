import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useSignIn } from '../api/session-mutations';

/** The server's message as a sentence: "wrong name or password" → "Wrong name or password." */
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;

type SignInFormProps = { onSignedIn: (username: string) => void; onCancel: () => void };

export function SignInForm({ onSignedIn, onCancel }: SignInFormProps) {
  const id = useId();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const nameRef = useRef<HTMLInputElement>(null);
  // Focused on opening from here rather than by `autoFocus`: the renderer the app ships on writes
  // that as the `autofocus` attribute, which browsers honour only while a page loads.
  useEffect(() => nameRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    signIn.mutate(
      { username, password },
      {
        onSuccess: (state) => {
          setPassword('');
          onSignedIn(state.user?.username ?? username);
        },
        onError: () => setPassword(''),
      },
    );
  };

  return (
    <form
      className="sign-in"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h2 id={`${id}-heading`} className="sign-in__heading">
        Sign in
      </h2>
      <label htmlFor={`${id}-name`}>Name</label>
      <input
        id={`${id}-name`}
        name="username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        required
        ref={nameRef}
        value={username}
        onChange={(event) => setUsername(event.target.value)}
      />
      <label htmlFor={`${id}-password`}>Password</label>
      <input
        id={`${id}-password`}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
      />
      {signIn.isError ? (
        <p role="alert" className="sign-in__error">
          {sentence(signIn.error.message)}
        </p>
      ) : null}
      <div className="sign-in__actions">
        <button type="submit" disabled={signIn.isPending}>
          {signIn.isPending ? 'Signing in…' : 'Sign in'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <p className="sign-in__help">Accounts are created by an administrator with npm run user.</p>
    </form>
  );
}
