import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  canEditVerdicts,
  VERDICT_STATUSES,
  MAX_VERDICT_NOTE_LENGTH,
  type Claim,
  type Verdict,
  type VerdictContent,
} from '@/domain/schemas';
import { decodeUrl } from '@/domain/url-state';
import { ApiError } from '@/lib/api/api-error';
import { sessionQueries } from '@/lib/api/session-queries';
import { staleClaimOf, useSaveVerdict } from '@/lib/api/use-save-verdict';
import { addLeaveGuard } from '@/lib/router/leave-guard';
import { EvidenceFields, type MentionOption } from './evidence-fields';
import type { MentionLabels } from './evidence-list';
import { VerdictConflict } from './verdict-conflict';
import { contentOf, sameContent, VERDICT_GLYPHS, VERDICT_LABELS } from './verdict-content';
import { VerdictSummary } from './verdict-summary';
import './verdict-editor.css';

type Message = {
  kind: 'saved' | 'conflict' | 'failed' | 'signed-out' | 'merging';
  text: string;
  /** For "Saved": the version saved, so that the message goes once the verdict moves on. */
  version?: number;
};

/** The view and claim an address opens: the editor stays while both stay. */
function openedAt(href: string): { view: string; claim: string | null } {
  const url = new URL(href, window.location.origin);
  const { state } = decodeUrl(url.pathname, url.search);
  return { view: state.view, claim: state.claim };
}

/** True when opening `href` keeps this claim's editor on screen, with its draft. */
function keepsEditor(href: string, claimId: string): boolean {
  const next = openedAt(href);
  return next.claim === claimId && next.view === openedAt(window.location.href).view;
}

type VerdictEditorProps = {
  claim: Claim;
  /** The mentions of the claim an editor may cite, each with how it reads ("Outlet — denies"). */
  mentionOptions: readonly MentionOption[];
};

/**
 * A claim's verdict, and for editors the form that changes it. Saving shows the change at
 * once; a refusal puts back what was there and says why. A change another editor saved
 * first opens the conflict panel instead of overwriting it.
 */
export function VerdictEditor({ claim, mentionOptions }: VerdictEditorProps) {
  const id = useId();
  const session = useQuery(sessionQueries.current());
  const user = session.data?.user ?? null;
  const save = useSaveVerdict();
  const labels: MentionLabels = new Map(mentionOptions.map((option) => [option.id, option.label]));

  const [claimId, setClaimId] = useState(claim.id);
  const [base, setBase] = useState<Verdict>(claim.verdict);
  const [draft, setDraft] = useState<VerdictContent>(() => contentOf(claim.verdict));
  const [theirs, setTheirs] = useState<Verdict | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  // After "Re-apply my changes": the other editor's version the next save goes over, for the history.
  const [resolving, setResolving] = useState<number | null>(null);

  const startFrom = (verdict: Verdict) => {
    setBase(verdict);
    setDraft(contentOf(verdict));
    setTheirs(null);
    setResolving(null);
  };
  if (claim.id !== claimId) {
    setClaimId(claim.id);
    startFrom(claim.verdict);
    setMessage(null);
  } else if (!save.isPending && !theirs && claim.verdict.version !== base.version) {
    // Someone saved a newer version: follow it, unless that would throw away unsaved work.
    const current = contentOf(claim.verdict);
    if (sameContent(draft, contentOf(base)) || sameContent(draft, current)) startFrom(claim.verdict);
  }

  const dirty = !sameContent(draft, contentOf(base));
  // Another editor saved while this one has unsaved changes: say so before they press Save.
  const overtaken = dirty && !save.isPending && !theirs && claim.verdict.version !== base.version;

  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!dirty) return;
    return addLeaveGuard((href) =>
      href === null || !keepsEditor(href, claim.id)
        ? 'Your changes to this verdict are not saved. Leave and discard them?'
        : null,
    );
  }, [dirty, claim.id]);

  const edit = (patch: Partial<VerdictContent>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    if (message?.kind === 'saved') setMessage(null);
  };

  const submit = (baseVersion: number) => {
    if (!user) return;
    setMessage(null);
    save.mutate(
      {
        claim,
        baseVersion,
        content: draft,
        editor: user.username,
        ...(resolving === baseVersion ? { resolvesConflict: resolving } : {}),
      },
      {
        onSuccess: (saved) => {
          startFrom(saved.verdict);
          setMessage({
            kind: 'saved',
            text: `Saved: ${VERDICT_LABELS[saved.verdict.status]}.`,
            version: saved.verdict.version,
          });
          // The form keeps its place, but the pressed button is disabled now: focus the verdict.
          headingRef.current?.focus();
        },
        onError: (error) => {
          const current = staleClaimOf(error);
          if (current) {
            setTheirs(current.verdict);
            setMessage({
              kind: 'conflict',
              text: `Conflict: ${current.verdict.editor ?? 'another editor'} changed this verdict first. Compare, then re-apply your changes or discard them.`,
            });
          } else if (error instanceof ApiError && error.status === 401) {
            setMessage({ kind: 'signed-out', text: 'Signed out: sign in again to save. Your changes are still here.' });
          } else {
            setMessage({ kind: 'failed', text: `Not saved: ${error.message} Your changes are still here.` });
          }
        },
      },
    );
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (dirty && !save.isPending) submit(base.version);
  };

  const editable = user !== null && canEditVerdicts(user.role);
  // "Saved" is about one version, seen by a signed-in editor: it goes when either changes.
  const shown =
    message?.kind === 'saved' && (message.version !== claim.verdict.version || user === null) ? null : message;
  const statusText = save.isPending
    ? 'Saving…'
    : overtaken
      ? `${claim.verdict.editor ?? 'Another editor'} saved this verdict (${VERDICT_LABELS[claim.verdict.status]}) while you were editing. Saving will show both versions to compare.`
      : (shown?.text ?? '');

  return (
    <section className="verdict" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} ref={headingRef} tabIndex={-1}>
        Verdict
      </h3>
      <VerdictSummary verdict={claim.verdict} labels={labels} />
      <p
        role="status"
        aria-live="polite"
        className={`verdict__message verdict__message--${overtaken ? 'conflict' : (shown?.kind ?? 'none')}`}
      >
        {statusText}
      </p>
      {theirs ? (
        <VerdictConflict
          base={base}
          theirs={theirs}
          mine={draft}
          labels={labels}
          saving={save.isPending}
          onReapply={() => {
            // Theirs becomes the base and mine stays in the form, to merge by hand and save.
            setBase(theirs);
            setTheirs(null);
            setResolving(theirs.version);
            setMessage({
              kind: 'merging',
              text: `Your changes are back in the form, now over ${theirs.editor ?? 'the other editor'}'s version. Check them, then save.`,
            });
          }}
          onDiscard={() => {
            startFrom(theirs);
            setMessage(null);
          }}
        />
      ) : null}
      {editable ? (
        <form className="verdict-form" aria-label="Change the verdict" onSubmit={onSubmit}>
          <fieldset className="verdict-form__statuses">
            <legend>Status</legend>
            {VERDICT_STATUSES.map((status) => (
              <label key={status} className={`verdict-form__status verdict-status--${status}`}>
                <input
                  type="radio"
                  name={`${id}-status`}
                  value={status}
                  checked={draft.status === status}
                  onChange={() => edit({ status })}
                />{' '}
                <span aria-hidden="true">{VERDICT_GLYPHS[status]}</span> {VERDICT_LABELS[status]}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-note`}>Note</label>
          <p id={`${id}-note-meaning`} className="verdict-form__hint">
            The reasons for the verdict, as readers will see them. Edit it as a whole: what you save replaces the note;
            earlier notes stay in the history.
          </p>
          <textarea
            id={`${id}-note`}
            value={draft.note}
            rows={4}
            maxLength={MAX_VERDICT_NOTE_LENGTH}
            aria-describedby={`${id}-note-meaning ${id}-note-count`}
            onChange={(event) => edit({ note: event.target.value })}
          />
          <p id={`${id}-note-count`} className="verdict-form__count">
            {draft.note.length.toLocaleString('en')} of {MAX_VERDICT_NOTE_LENGTH.toLocaleString('en')} characters
          </p>
          <EvidenceFields
            evidence={draft.evidence}
            mentionOptions={mentionOptions}
            onChange={(evidence) => edit({ evidence })}
          />
          <div className="verdict__actions">
            <button type="submit" disabled={!dirty || save.isPending || theirs !== null}>
              {save.isPending ? 'Saving…' : 'Save verdict'}
            </button>
            <button
              type="button"
              disabled={!dirty || save.isPending}
              onClick={() => {
                startFrom(claim.verdict.version === base.version ? base : claim.verdict);
                setMessage(null);
              }}
            >
              Discard changes
            </button>
          </div>
        </form>
      ) : session.isPending || session.data?.readOnly ? null : (
        <p className="verdict__hint">
          {user
            ? `Signed in as ${user.username} (${user.role}): only editors change verdicts.`
            : 'Sign in as an editor (top of the page) to change this verdict.'}
        </p>
      )}
    </section>
  );
}
