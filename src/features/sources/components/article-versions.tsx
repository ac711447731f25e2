import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { diffWords } from 'diff';
import { useId, useState, type FormEvent } from 'react';
import { addArticleVersionResponseSchema, type ArticleUpdate } from '@/domain/schemas';
import type { AnyStoryIndex } from '@/domain/story-index';
import { ApiError } from '@/lib/api/api-error';
import { sendJson } from '@/lib/api/send-json';
import { storyReadsOf } from '@/lib/api/story-part-queries';
import { formatDateTime } from '@/lib/format-date-time';
import { articleQueries } from '../api/article-queries';
import { articleVersionQueries } from '../api/article-version-queries';

/** Unchanged stretches longer than this are shortened to their ends in the diff. */
const CONTEXT = 80;

/** A readable word diff of two versions: removed words struck through, added ones marked. */
function VersionDiff({ articleId, from, to }: { articleId: string; from: number; to: number }) {
  const older = useQuery(articleVersionQueries.version(articleId, from));
  const newer = useQuery(articleVersionQueries.version(articleId, to));
  if (older.isError || newer.isError) return <p role="alert">Could not load the versions.</p>;
  if (!older.data || !newer.data) return <p role="status">Loading the versions…</p>;
  const parts = diffWords(older.data.body, newer.data.body);
  return (
    <div className="version-diff" aria-label={`Changes from version ${from} to version ${to}`} role="region">
      {parts.map((part, i) => {
        if (part.added) return <ins key={i}>{part.value}</ins>;
        if (part.removed) return <del key={i}>{part.value}</del>;
        const text =
          part.value.length > CONTEXT * 2 + 5
            ? `${i === 0 ? '' : part.value.slice(0, CONTEXT)} … ${i === parts.length - 1 ? '' : part.value.slice(-CONTEXT)}`
            : part.value;
        return <span key={i}>{text}</span>;
      })}
    </div>
  );
}

/** An editor's form for the article's new text, based on the version shown. */
function NewVersionForm({ articleId, current, story }: { articleId: string; current: number; story: string }) {
  const id = useId();
  const client = useQueryClient();
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const post = useMutation({
    mutationFn: () =>
      sendJson(
        `/api/articles/${encodeURIComponent(articleId)}/versions`,
        { method: 'POST', body: { content: text }, headers: { 'If-Match': `"${current}"` } },
        addArticleVersionResponseSchema,
      ),
    onSuccess: (answer) => {
      const { changed, unanchored } = answer.version.spans;
      setMessage({
        kind: 'ok',
        text: `Version ${answer.version.version} stored: ${changed} evidence spans changed, ${unanchored} unanchored.`,
      });
      setText('');
      void client.invalidateQueries(storyReadsOf(story));
      void client.invalidateQueries({ queryKey: articleVersionQueries.all(articleId) });
      void client.invalidateQueries({ queryKey: [...articleQueries.all(), articleId] });
    },
    onError: (error) => setMessage({ kind: 'error', text: error instanceof ApiError ? error.message : String(error) }),
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() !== '' && !post.isPending) post.mutate();
  };
  return (
    <details className="new-version">
      <summary>Post a new version</summary>
      <form onSubmit={onSubmit}>
        <label htmlFor={`${id}-text`}>New text of the article</label>
        <textarea id={`${id}-text`} rows={8} value={text} onChange={(event) => setText(event.target.value)} />
        <button type="submit" disabled={post.isPending || text.trim() === ''}>
          {post.isPending ? 'Storing…' : 'Store the new version'}
        </button>
        {message ? (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={`new-version__${message.kind}`}>
            {message.text}
          </p>
        ) : null}
      </form>
    </details>
  );
}

type ArticleVersionsProps = {
  articleId: string;
  story: string;
  update: ArticleUpdate | undefined;
  index: AnyStoryIndex;
  editor: boolean;
};

/**
 * An updated article's notice, with its versions compared word by word and the evidence that
 * the updates left without a place; for editors, the form that posts a new version.
 */
export function ArticleVersions({ articleId, story, update, index, editor }: ArticleVersionsProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const list = useQuery({ ...articleVersionQueries.list(articleId), enabled: open && update !== undefined });
  const current = update?.version ?? 1;
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const shownTo = to ?? current;
  const shownFrom = from ?? Math.max(1, shownTo - 1);
  const unanchored = list.data?.changes.filter((change) => change.status === 'unanchored') ?? [];
  return (
    <div className="article-versions">
      {update ? (
        <>
          <p className="article-versions__notice" role="note">
            <strong>Updated</strong> · version {update.version},{' '}
            <time dateTime={update.at}>{formatDateTime(update.at)}</time>
            {update.unanchored > 0 ? ` · ${update.unanchored} evidence no longer found` : ''}
          </p>
          <details onToggle={(event) => setOpen(event.currentTarget.open)}>
            <summary>Versions and changes</summary>
            {list.isError ? <p role="alert">Could not load the versions.</p> : null}
            {list.data ? (
              <>
                <div className="article-versions__pick">
                  <label htmlFor={`${id}-from`}>Compare version</label>
                  <select id={`${id}-from`} value={shownFrom} onChange={(e) => setFrom(Number(e.target.value))}>
                    {list.data.versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        {v.version}
                      </option>
                    ))}
                  </select>
                  <label htmlFor={`${id}-to`}>with version</label>
                  <select id={`${id}-to`} value={shownTo} onChange={(e) => setTo(Number(e.target.value))}>
                    {list.data.versions.map((v) => (
                      <option key={v.version} value={v.version}>
                        {v.version}
                      </option>
                    ))}
                  </select>
                </div>
                <VersionDiff articleId={articleId} from={shownFrom} to={shownTo} />
                <section aria-labelledby={`${id}-unanchored`}>
                  <h3 id={`${id}-unanchored`}>Unanchored evidence</h3>
                  {unanchored.length === 0 ? (
                    <p>All evidence was found in the new text.</p>
                  ) : (
                    <ul className="article-versions__unanchored">
                      {unanchored.map((change) => (
                        <li key={`${change.mention}-${change.version}-${change.before.start}`}>
                          <strong>{index.claims.get(change.claim)?.text ?? change.claim}</strong>: version{' '}
                          {change.version} no longer has the text it used to have, “{change.before.exact}”
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </>
            ) : open ? (
              <p role="status">Loading the versions…</p>
            ) : null}
          </details>
        </>
      ) : null}
      {editor ? <NewVersionForm articleId={articleId} current={current} story={story} /> : null}
    </div>
  );
}
