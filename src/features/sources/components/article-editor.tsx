import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { create } from 'zustand';
import { canEditVerdicts, type ArticleMeta } from '@/domain/schemas';
import { articleRecordQueries, useArticleActions } from '@/lib/api/article-record-queries';
import { sessionQueries } from '@/lib/api/session-queries';

type Removed = { id: string; title: string; version: number };

/** Articles removed from this view, each with what undoing the removal needs. UI state only. */
const useRemovedArticles = create<{ removed: Removed[]; set: (removed: Removed[]) => void }>((set) => ({
  removed: [],
  set: (removed) => set({ removed }),
}));

/** An article's metadata form and its removal, for editors, in the article's pane. */
export function ArticleEditor({ meta, name }: { meta: ArticleMeta; name: string }) {
  const session = useQuery(sessionQueries.current());
  const role = session.data?.user?.role;
  const [open, setOpen] = useState(false);
  if (!role || !canEditVerdicts(role)) return null;
  return (
    <div className="pane__editor">
      <button type="button" aria-expanded={open} onClick={() => setOpen((on) => !on)}>
        Edit details<span className="visually-hidden"> of {name}</span>
      </button>
      {open ? <ArticleForm meta={meta} name={name} onDone={() => setOpen(false)} /> : null}
    </div>
  );
}

function ArticleForm({ meta, name, onDone }: { meta: ArticleMeta; name: string; onDone: () => void }) {
  const id = useId();
  const record = useQuery(articleRecordQueries.record(meta.id));
  const { edit, remove } = useArticleActions();
  const [title, setTitle] = useState(meta.title);
  const [outlet, setOutlet] = useState(meta.outlet);
  const [date, setDate] = useState(meta.published.date);
  const [basis, setBasis] = useState(meta.published.basis);
  const [url, setUrl] = useState(meta.source.url ?? '');
  const version = record.data?.version;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (version === undefined) return;
    edit.mutate(
      {
        id: meta.id,
        version,
        body: { title: title.trim(), outlet, published: { date, basis: basis.trim() }, url: url.trim() || null },
      },
      { onSuccess: onDone },
    );
  };
  const removeArticle = () => {
    if (version === undefined) return;
    // Not mutate()'s own onSuccess: the live update may close this pane (and unmount this form)
    // before the answer arrives, and react-query then skips a mutate() callback. The store is read
    // afresh for the same reason. A refusal shows through remove.error while the form is there.
    remove.mutateAsync({ id: meta.id, version }).then(
      (after) => {
        const current = useRemovedArticles.getState();
        current.set([...current.removed, { id: after.id, title: `${name}: ${after.title}`, version: after.version }]);
      },
      () => undefined,
    );
  };
  const failure = edit.error ?? remove.error;
  return (
    <form className="pane__editor-form" aria-label={`Details of ${name}`} onSubmit={submit}>
      <label htmlFor={`${id}-title`}>Title</label>
      <input id={`${id}-title`} value={title} onChange={(e) => setTitle(e.target.value)} required />
      <label htmlFor={`${id}-outlet`}>Outlet id</label>
      <input id={`${id}-outlet`} value={outlet} onChange={(e) => setOutlet(e.target.value)} required />
      <label htmlFor={`${id}-date`}>Published</label>
      <input id={`${id}-date`} type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
      <label htmlFor={`${id}-basis`}>How the date is known</label>
      <input id={`${id}-basis`} value={basis} onChange={(e) => setBasis(e.target.value)} required />
      <label htmlFor={`${id}-url`}>Address (URL)</label>
      <input id={`${id}-url`} type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
      <div className="pane__editor-actions">
        <button type="submit" disabled={version === undefined || edit.isPending}>
          Save details
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
        <button type="button" disabled={version === undefined || remove.isPending} onClick={removeArticle}>
          Remove this article
        </button>
      </div>
      {failure ? <p role="alert">Not saved: {failure.message}</p> : null}
    </form>
  );
}

/** Where removed articles were: each removal can be undone here, bringing the article and its evidence back. */
export function RemovedArticles() {
  const { removed, set } = useRemovedArticles();
  const { restore } = useArticleActions();
  if (removed.length === 0) return null;
  return (
    <ul className="sources__removed" aria-label="Removed articles">
      {removed.map((item) => (
        <li key={item.id} role="status">
          Removed {item.title}.{' '}
          <button
            type="button"
            disabled={restore.isPending}
            onClick={() =>
              restore.mutate(
                { id: item.id, version: item.version },
                { onSuccess: () => set(removed.filter((other) => other.id !== item.id)) },
              )
            }
          >
            Undo<span className="visually-hidden"> the removal of {item.title}</span>
          </button>
        </li>
      ))}
      {restore.error ? <li role="alert">Not restored: {restore.error.message}</li> : null}
    </ul>
  );
}
