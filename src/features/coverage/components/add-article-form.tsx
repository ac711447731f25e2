import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { ArticleReview, Outlet } from '@/domain/schemas';
import { storyQueries } from '@/lib/api/story-queries';
import { fileToBase64, uploadArticle, type UploadProgress } from '../api/upload-article';

type AddArticleFormProps = {
  storyId: string;
  outlets: readonly Outlet[];
  onAdded: (review: ArticleReview) => void;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Paste a text or choose a file (text, Markdown or an HTML page), name the outlet and the date. */
export function AddArticleForm({ storyId, outlets, onAdded }: AddArticleFormProps) {
  const client = useQueryClient();
  const ids = useId();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [outlet, setOutlet] = useState('');
  const [published, setPublished] = useState(today);
  const [url, setUrl] = useState('');
  const [progress, setProgress] = useState<UploadProgress | null>(null);

  const add = useMutation({
    mutationFn: async () =>
      uploadArticle(
        storyId,
        {
          ...(file ? { contentBase64: await fileToBase64(file), fileName: file.name } : { content: text }),
          outlet,
          published,
          url: url.trim() === '' ? null : url.trim(),
        },
        setProgress,
      ),
    onSuccess: async (review) => {
      await client.invalidateQueries({ queryKey: storyQueries.bundle(storyId).queryKey });
      onAdded(review);
    },
    onSettled: () => setProgress(null),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    add.mutate();
  };
  const missing = !outlet.trim() || (!file && !text.trim());

  return (
    <form className="coverage-form" onSubmit={submit} aria-labelledby={`${ids}-heading`}>
      <h2 id={`${ids}-heading`}>Add an article</h2>
      <p className="coverage-form__hint">
        Paste the text, or choose a file: plain text, Markdown, or a saved web page (reduced to its article text).
      </p>
      <label htmlFor={`${ids}-text`}>Article text</label>
      <textarea
        id={`${ids}-text`}
        rows={10}
        value={text}
        onChange={(event) => setText(event.target.value)}
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
            onChange={(event) => setOutlet(event.target.value)}
            required
            autoComplete="off"
          />
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
          <label htmlFor={`${ids}-url`}>Source URL (optional)</label>
          <input id={`${ids}-url`} type="url" value={url} onChange={(event) => setUrl(event.target.value)} />
        </div>
      </div>
      <button type="submit" disabled={missing || add.isPending}>
        {add.isPending ? 'Adding…' : 'Add and suggest claims'}
      </button>
      <div aria-live="polite" className="coverage-form__status">
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
