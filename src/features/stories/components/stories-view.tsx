import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ChangeEvent, type FormEvent } from 'react';
import { canEditVerdicts, type StorySummary } from '@/domain/schemas';
import { storyHomeOf } from '@/domain/story-home';
import { DEFAULT_URL_STATE, encodeUrl } from '@/domain/url-state';
import { QueryStatus } from '@/components/query-status';
import { sessionQueries } from '@/lib/api/session-queries';
import { storyQueries } from '@/lib/api/story-queries';
import { formatDateTime } from '@/lib/format-date-time';
import { Link } from '@/lib/router/link';
import { navigate } from '@/lib/router/location-store';
import { storyDeskQueries, useStoryActions } from '../api/story-desk-queries';
import './stories.css';

const storyHref = (id: string) => encodeUrl({ ...DEFAULT_URL_STATE, story: id });

/** Every story with its counts and last change; editors start, edit, archive and restore stories here. */
export function StoriesView() {
  const list = useQuery(storyQueries.list());
  const problems = useQuery(storyDeskQueries.problems());
  const session = useQuery(sessionQueries.current());
  const role = session.data?.user?.role ?? null;
  const canEdit = role !== null && canEditVerdicts(role);
  const isAdmin = role === 'admin';

  if (!list.data) return <QueryStatus status={list.isError ? 'error' : 'pending'} query={list} what="the stories" />;
  const open = list.data.filter((story) => story.archived !== true);
  const archived = list.data.filter((story) => story.archived === true);
  const home = storyHomeOf(list.data);

  return (
    <div className="stories">
      {problems.data && problems.data.length > 0 ? (
        <section aria-labelledby="stories-problems" className="stories__problems">
          <h2 id="stories-problems">Stories left out of the corpus</h2>
          <ul>
            {problems.data.map((problem) => (
              <li key={problem.story}>
                <strong>{problem.story}</strong> is disabled: <code>{problem.file}</code>
                {problem.field ? (
                  <>
                    , field <code>{problem.field}</code>
                  </>
                ) : null}
                . {problem.message}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <p className="stories__home">
        {home ? (
          <>
            <Link to="/">/</Link> opens <strong>{home.story.title}</strong>
            {home.reason === 'pinned' ? ', pinned by an admin.' : ', the story changed most recently.'}
          </>
        ) : (
          'There is no open story yet.'
        )}
      </p>
      {canEdit ? <NewStoryForm /> : null}
      <section aria-labelledby="stories-open">
        <h2 id="stories-open">Stories</h2>
        <StoryList stories={open} canEdit={canEdit} isAdmin={isAdmin} />
      </section>
      {archived.length > 0 ? (
        <section aria-labelledby="stories-archived">
          <h2 id="stories-archived">Archived</h2>
          <StoryList stories={archived} canEdit={canEdit} isAdmin={isAdmin} />
        </section>
      ) : null}
      {isAdmin ? <ImportStoryForm /> : null}
    </div>
  );
}

function StoryList({ stories, canEdit, isAdmin }: { stories: StorySummary[]; canEdit: boolean; isAdmin: boolean }) {
  if (stories.length === 0) return <p>None.</p>;
  return (
    <ul className="stories__list">
      {stories.map((story) => (
        <StoryItem key={story.id} story={story} canEdit={canEdit} isAdmin={isAdmin} />
      ))}
    </ul>
  );
}

function StoryItem({ story, canEdit, isAdmin }: { story: StorySummary; canEdit: boolean; isAdmin: boolean }) {
  const { patch } = useStoryActions();
  const [editing, setEditing] = useState(false);
  const version = story.version ?? 1;
  const { counts } = story;
  const change = (body: { archived?: boolean; pinned?: boolean }) => patch.mutate({ id: story.id, version, body });
  return (
    <li className="stories__item">
      <h3 className="stories__title">
        {story.archived ? story.title : <Link to={storyHref(story.id)}>{story.title}</Link>}
        {story.pinned ? <span className="stories__badge"> (pinned)</span> : null}
      </h3>
      {story.summary ? <p className="stories__summary">{story.summary}</p> : null}
      <p className="stories__meta">
        {counts.articles} articles · {counts.claims} claims · {counts.mentions} mentions · {counts.events} events ·{' '}
        {story.changedAt ? `last change ${formatDateTime(story.changedAt)}` : 'unchanged since it was loaded'}
      </p>
      {canEdit ? (
        <div className="stories__actions">
          {!story.archived ? (
            <button type="button" onClick={() => setEditing((on) => !on)} aria-expanded={editing}>
              Edit <span className="visually-hidden">{story.title}</span>
            </button>
          ) : null}
          <button type="button" disabled={patch.isPending} onClick={() => change({ archived: !story.archived })}>
            {story.archived ? 'Restore' : 'Archive'} <span className="visually-hidden">{story.title}</span>
          </button>
          {isAdmin && !story.archived ? (
            <button type="button" disabled={patch.isPending} onClick={() => change({ pinned: !story.pinned })}>
              {story.pinned ? 'Unpin' : 'Pin as the story / opens'}{' '}
              <span className="visually-hidden">{story.title}</span>
            </button>
          ) : null}
        </div>
      ) : null}
      {patch.error ? <p role="alert">Not saved: {patch.error.message}</p> : null}
      {editing ? <EditStoryForm story={story} version={version} onDone={() => setEditing(false)} /> : null}
    </li>
  );
}

function StoryFields({
  title,
  summary,
  onTitle,
  onSummary,
}: {
  title: string;
  summary: string;
  onTitle: (value: string) => void;
  onSummary: (value: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={title} required maxLength={200} onChange={(e) => onTitle(e.target.value)} />
      <label htmlFor={`${id}-summary`}>Summary</label>
      <textarea id={`${id}-summary`} rows={3} value={summary} onChange={(e) => onSummary(e.target.value)} />
    </>
  );
}

function NewStoryForm() {
  const { create } = useStoryActions();
  const [title, setTitle] = useState('');
  const [summary, setSummary] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { title: title.trim(), summary: summary.trim() },
      { onSuccess: (story) => navigate(storyHref(story.id)) },
    );
  };
  return (
    <form className="stories__form" aria-label="New story" onSubmit={submit}>
      <h2>Start a story</h2>
      <StoryFields title={title} summary={summary} onTitle={setTitle} onSummary={setSummary} />
      <button type="submit" disabled={create.isPending || !title.trim()}>
        Create the story
      </button>
      {create.error ? <p role="alert">Not created: {create.error.message}</p> : null}
    </form>
  );
}

function EditStoryForm({ story, version, onDone }: { story: StorySummary; version: number; onDone: () => void }) {
  const { patch } = useStoryActions();
  const [title, setTitle] = useState(story.title);
  const [summary, setSummary] = useState(story.summary);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    patch.mutate(
      { id: story.id, version, body: { title: title.trim(), summary: summary.trim() } },
      { onSuccess: onDone },
    );
  };
  return (
    <form className="stories__form" aria-label={`Edit ${story.title}`} onSubmit={submit}>
      <StoryFields title={title} summary={summary} onTitle={setTitle} onSummary={setSummary} />
      <button type="submit" disabled={patch.isPending || !title.trim()}>
        Save
      </button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
      {patch.error ? <p role="alert">Not saved: {patch.error.message}</p> : null}
    </form>
  );
}

function ImportStoryForm() {
  const id = useId();
  const { importStory } = useStoryActions();
  const [document, setDocument] = useState<unknown>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [asId, setAsId] = useState('');
  const pick = async (event: ChangeEvent<HTMLInputElement>) => {
    setReadError(null);
    setDocument(null);
    const file = event.target.files?.[0];
    if (!file) return;
    try {
      setDocument(JSON.parse(await file.text()));
    } catch {
      setReadError(`${file.name} is not a JSON document`);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    importStory.mutate({ document, id: asId.trim() }, { onSuccess: (story) => navigate(storyHref(story.id)) });
  };
  return (
    <form className="stories__form" aria-label="Import a story" onSubmit={submit}>
      <h2>Import a story</h2>
      <label htmlFor={`${id}-file`}>Story document (JSON, as exported)</label>
      <input id={`${id}-file`} type="file" accept="application/json,.json" onChange={(e) => void pick(e)} />
      <label htmlFor={`${id}-as`}>Import under another id (optional)</label>
      <input id={`${id}-as`} value={asId} onChange={(e) => setAsId(e.target.value)} />
      <button type="submit" disabled={importStory.isPending || document === null}>
        Import
      </button>
      {readError ? <p role="alert">{readError}</p> : null}
      {importStory.error ? <p role="alert">Not imported: {importStory.error.message}</p> : null}
    </form>
  );
}
