import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { matchOutlet } from '@/domain/ingest/outlet-names';
import type { ArticleReview, Outlet } from '@/domain/schemas';
import { storyReadsOf } from '@/lib/api/story-part-queries';
import { addArticleFromUrl, fileToBase64, uploadArticle, type UploadProgress } from '../api/upload-article';

type AddArticleFormProps = {
  storyId: string;
  outlets: readonly Outlet[];
  onAdded: (review: ArticleReview) => void;
};

/** A pasted article's headline: its first line when that is short and has no final stop. */
function headlineOf(text: string): string {
  const first = text.trim().split('\n')[0]?.trim() ?? '';
  return first.length > 0 && first.length <= 160 && !/[.!?]["”’]?$/.test(first) ? first : '';
}

/** Paste a text or choose a file (text, Markdown or an HTML page), name the outlet and the date. */
export function AddArticleForm({ storyId, outlets, onAdded }: AddArticleFormProps) {
  const client = useQueryClient();
  const ids = useId();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [outlet, setOutlet] = useState('');
  // No default: a wrong date silently misplaces every relative date of the article.
  const [published, setPublished] = useState('');
  const [title, setTitle] = useState('');
  const [titleEdited, setTitleEdited] = useState(false);
  const [url, setUrl] = useState('');
  const [confirmedNew, setConfirmedNew] = useState(false);
  const match = matchOutlet(outlet, outlets);
  const createOutlet = match !== null && match.kind !== 'known' && confirmedNew;
  const [progress, setProgress] = useState<UploadProgress | null>(null);

  // With no text and no file, the address is the article: the server fetches the page.
  const fromPage = file === null && text.trim() === '' && url.trim() !== '';

  const add = useMutation({
    mutationFn: async () =>
      fromPage
        ? addArticleFromUrl(storyId, {
            url: url.trim(),
            outlet,
            ...(createOutlet ? { createOutlet: true } : {}),
            ...(published ? { published } : {}),
            ...(title.trim() ? { title: title.trim() } : {}),
          })
        : uploadArticle(
            storyId,
            {
              ...(file ? { contentBase64: await fileToBase64(file), fileName: file.name } : { content: text }),
              outlet,
              ...(createOutlet ? { createOutlet: true } : {}),
              published,
              url: url.trim() === '' ? null : url.trim(),
              ...(title.trim() ? { title: title.trim() } : {}),
            },
            setProgress,
          ),
    onSuccess: async (review) => {
      await client.invalidateQueries(storyReadsOf(storyId));
      onAdded(review);
    },
    onSettled: () => setProgress(null),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const outletSettled = match !== null && (match.kind === 'known' || confirmedNew);
  // A fetched page may state its own day; anything else needs the date from the editor.
  const missing = !outletSettled || (!fromPage && !published) || (!file && !text.trim() && !fromPage);

  return (
    <form className="coverage-form" onSubmit={submit} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Add an article</h2>
      <p className="coverage-form__hint">
        Paste the text, or choose a file: plain text, Markdown, or a saved web page (reduced to its article text). Or
        leave both empty and give the page's address below: the server fetches the page and keeps a copy.
      </p>
      <label htmlFor={`${ids}-text`}>Article text</label>
      <textarea
        id={`${ids}-text`}
        rows={10}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (!titleEdited) setTitle(headlineOf(event.target.value));
        }}
        disabled={file !== null}
      />
      <label htmlFor={`${ids}-file`}>…or a file</label>
      <input
        id={`${ids}-file`}
        type="file"
        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
        onChange={(event) => setFile(event.target.files?.[0] ?? null)}
      />
      <div className="coverage-form__row">
        <div>
          <label htmlFor={`${ids}-outlet`}>Outlet</label>
          <input
            id={`${ids}-outlet`}
            list={`${ids}-outlets`}
            value={outlet}
            onChange={(event) => {
              setOutlet(event.target.value);
              setConfirmedNew(false);
            }}
            required
            autoComplete="off"
            aria-describedby={`${ids}-outlet-match`}
          />
          <div id={`${ids}-outlet-match`} className="coverage-form__hint">
            {match?.kind === 'known' ? <p>Known outlet: {match.outlet.name}</p> : null}
            {match?.kind === 'close' ? (
              <p>
                Did you mean {match.outlet.name}?{' '}
                <button type="button" onClick={() => setOutlet(match.outlet.name)}>
                  Use {match.outlet.name}
                </button>
              </p>
            ) : null}
            {match && match.kind !== 'known' ? (
              <label className="coverage-form__check">
                <input
                  type="checkbox"
                  checked={confirmedNew}
                  onChange={(event) => setConfirmedNew(event.target.checked)}
                />{' '}
                Create “{outlet.trim()}” as a new outlet
              </label>
            ) : null}
          </div>
          <datalist id={`${ids}-outlets`}>
            {outlets.map((o) => (
              <option key={o.id} value={o.name} />
            ))}
          </datalist>
        </div>
        <div>
          <label htmlFor={`${ids}-published`}>Published</label>
          <input
            id={`${ids}-published`}
            type="date"
            value={published}
            onChange={(event) => setPublished(event.target.value)}
            required
          />
        </div>
        <div>
          <label htmlFor={`${ids}-title`}>Title</label>
          <input
            id={`${ids}-title`}
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              setTitleEdited(true);
            }}
            aria-describedby={`${ids}-title-hint`}
          />
          <p id={`${ids}-title-hint`} className="coverage-form__hint">
            Taken from the article when left empty.
          </p>
        </div>
        <div>
          <label htmlFor={`${ids}-url`}>Source URL</label>
          <input
            id={`${ids}-url`}
            type="url"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            aria-describedby={`${ids}-url-hint`}
          />
          <p id={`${ids}-url-hint`} className="coverage-form__hint">
            {fromPage
              ? 'The page at this address will be fetched; its date is used when the page states one.'
              : 'Optional with a text or a file.'}
          </p>
        </div>
      </div>
      <button type="submit" disabled={missing || add.isPending}>
        {add.isPending ? 'Adding…' : fromPage ? 'Fetch the page and suggest claims' : 'Add and suggest claims'}
      </button>
      <div aria-live="polite" className="coverage-form__status">
        {fromPage && add.isPending ? <p>Fetching the page and matching it to the claims…</p> : null}
        {progress ? (
          <p>
            <label>
              {progress.phase === 'sending'
                ? 'Sending the article'
                : 'Reading the article and matching it to the claims'}{' '}
              <progress
                max={1}
                {...(progress.phase === 'sending' ? { value: progress.fraction } : {})}
                aria-label={progress.phase === 'sending' ? 'Sending' : 'Analysing'}
              />
            </label>
          </p>
        ) : null}
        {add.isError ? (
          <p role="alert" className="coverage-form__error">
            Not added: {add.error.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
