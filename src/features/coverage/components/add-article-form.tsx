import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { detectFormat } from '@/domain/ingest/decode-input';
import { matchOutlet } from '@/domain/ingest/outlet-names';
import type { ArticlePreview, ArticlePreviewRequest, ArticleReview, Outlet } from '@/domain/schemas';
import { storyReadsOf } from '@/lib/api/story-part-queries';
import { previewArticle } from '../api/preview-article';
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

/** What the server is asked to read before the article is added. */
type DocumentSource = { kind: 'text'; text: string } | { kind: 'file'; file: File } | { kind: 'url'; url: string };

async function previewRequest(source: DocumentSource): Promise<ArticlePreviewRequest> {
  if (source.kind === 'url') return { url: source.url };
  if (source.kind === 'text') return { content: source.text };
  return { contentBase64: await fileToBase64(source.file), fileName: source.file.name };
}

/**
 * Paste a text or choose a file (text, Markdown or an HTML page), or give a page's address;
 * the server reads its title and day (as adding it would) into the form, to check and edit
 * before the article is added. Name the outlet and confirm the date.
 */
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
  const [publishedEdited, setPublishedEdited] = useState(false);
  // What the document says about itself, as the server read it; null until it has been read.
  const [read, setRead] = useState<ArticlePreview | null>(null);
  const [readText, setReadText] = useState('');
  // Read when a reading arrives, which may be after the editor typed their own title or date.
  const edited = useRef({ title: false, published: false });
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

  const readDocument = useMutation({
    mutationFn: async (source: DocumentSource) => previewArticle(await previewRequest(source)),
  });
  const readFrom = (source: DocumentSource) => {
    setRead(null);
    // Only the latest reading fills the form; the editor's own title and date are never replaced.
    readDocument.mutate(source, {
      onSuccess: (preview) => {
        setRead(preview);
        if (!edited.current.title) setTitle(preview.title);
        if (!edited.current.published && preview.published) setPublished(preview.published);
      },
    });
  };

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
        onBlur={() => {
          // Pasted HTML or Markdown: its headline and day are read the way adding it reads them.
          if (text.trim() !== '' && text !== readText && detectFormat(text) !== 'text') {
            setReadText(text);
            readFrom({ kind: 'text', text });
          }
        }}
        disabled={file !== null}
      />
      <label htmlFor={`${ids}-file`}>…or a file</label>
      <input
        id={`${ids}-file`}
        type="file"
        accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
        onChange={(event) => {
          const chosen = event.target.files?.[0] ?? null;
          setFile(chosen);
          setRead(null);
          if (chosen) readFrom({ kind: 'file', file: chosen });
        }}
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
            onChange={(event) => {
              setPublished(event.target.value);
              setPublishedEdited(true);
              edited.current.published = true;
            }}
            required
            aria-describedby={`${ids}-published-hint`}
          />
          <p id={`${ids}-published-hint`} className="coverage-form__hint">
            {read?.published && published === read.published && !publishedEdited
              ? 'The day the document states: check it.'
              : null}
          </p>
        </div>
        <div>
          <label htmlFor={`${ids}-title`}>Title</label>
          <input
            id={`${ids}-title`}
            value={title}
            onChange={(event) => {
              setTitle(event.target.value);
              setTitleEdited(true);
              edited.current.title = true;
            }}
            aria-describedby={`${ids}-title-hint`}
          />
          <p id={`${ids}-title-hint`} className="coverage-form__hint">
            {read && title === read.title && !titleEdited
              ? 'Read from the document; edit it if needed.'
              : 'Taken from the article when left empty.'}
          </p>
        </div>
        <div>
          <label htmlFor={`${ids}-url`}>Source URL</label>
          <input
            id={`${ids}-url`}
            type="url"
            value={url}
            onChange={(event) => {
              setUrl(event.target.value);
              if (fromPage) setRead(null);
            }}
            aria-describedby={`${ids}-url-hint`}
          />
          {fromPage ? (
            <button
              type="button"
              onClick={() => readFrom({ kind: 'url', url: url.trim() })}
              disabled={readDocument.isPending}
            >
              Read the title and date from the page
            </button>
          ) : null}
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
        {readDocument.isPending ? <p>Reading the document…</p> : null}
        {read ? (
          <p>
            Read from the {read.format === 'html' ? 'page' : read.format === 'markdown' ? 'Markdown' : 'text'}: “
            {read.title}”{read.byline ? `, ${read.byline}` : ''}
            {read.published ? `, published ${read.published}` : ', no publication day stated'}.
          </p>
        ) : null}
        {readDocument.isError ? <p>Could not read the document: {readDocument.error.message}</p> : null}
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
