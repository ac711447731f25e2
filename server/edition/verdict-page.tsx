import { parseHTML } from 'linkedom';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ArticleMeta, Claim, Mention, Publication, Stance, StoryBundle } from '@/domain/schemas';
import { RATING_WORDS } from '../publishing/claim-review';

const STANCE_WORDS: Record<Stance, string> = {
  asserts: 'asserts it',
  reports: 'reports it',
  denies: 'denies it',
  contradicts: 'contradicts it',
};

/**
 * JSON inside a <script> element: the HTML parser ends the element at the first `</script`
 * whatever the JSON means, so `<`, `>` and `&` are written as JSON escapes (the same text to a
 * JSON reader, nothing to the HTML parser).
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

/** Where a reader finds an article: its own address, else its pane in the edition. */
function articleHref(article: ArticleMeta): string {
  return article.source.url ?? `/?panes=${encodeURIComponent(article.id)}`;
}

function Quotes({ mention, article, outlet }: { mention: Mention; article: ArticleMeta; outlet: string }) {
  return (
    <li>
      <p>
        <a href={articleHref(article)}>{article.title}</a> ({outlet}, {article.published.date}){' '}
        {STANCE_WORDS[mention.stance]}:
      </p>
      {mention.spans.map((span) => (
        <blockquote key={`${span.start}-${span.end}`} cite={article.source.url ?? undefined}>
          <p>{span.exact}</p>
        </blockquote>
      ))}
    </li>
  );
}

/** The verdict as a reader without JavaScript reads it: what was claimed, the verdict, its note and evidence. */
export function VerdictArticle({
  claim,
  bundle,
  publication,
}: {
  claim: Claim;
  bundle: StoryBundle;
  publication: Publication;
}) {
  const articles = new Map(bundle.articles.map((article) => [article.id, article]));
  const outlets = new Map(bundle.outlets.map((outlet) => [outlet.id, outlet.name]));
  const mentions = bundle.mentions.filter((mention) => mention.claim === claim.id);
  const byId = new Map(mentions.map((mention) => [mention.id, mention]));
  const refs = claim.verdict.evidence ?? [];
  const restsOn = refs.flatMap((ref) =>
    ref.kind === 'mention' && byId.has(ref.mention) ? [byId.get(ref.mention)!] : [],
  );
  const pages = refs.flatMap((ref) => (ref.kind === 'url' ? [ref.url] : []));
  // The evidence the verdict names first; without any, every article that carries the claim.
  const shown = restsOn.length > 0 ? restsOn : mentions;
  const published = (publication.firstPublishedAt ?? publication.at ?? '').slice(0, 10);
  const quoteOf = (mention: Mention) => {
    const article = articles.get(mention.article);
    return article ? (
      <Quotes
        key={mention.id}
        mention={mention}
        article={article}
        outlet={outlets.get(article.outlet) ?? article.outlet}
      />
    ) : null;
  };

  return (
    <main id="main" className="verdict-page">
      <article>
        <p>
          <a href="/">{bundle.story.title}</a>: a verdict of the desk
        </p>
        <h1>{claim.text}</h1>
        <p>
          Verdict: <strong>{RATING_WORDS[claim.verdict.status]}</strong>
          {published ? (
            <>
              {' '}
              (published <time dateTime={published}>{published}</time>)
            </>
          ) : null}
        </p>
        {claim.verdict.note ? (
          <section aria-labelledby="verdict-note">
            <h2 id="verdict-note">Why</h2>
            <p>{claim.verdict.note}</p>
          </section>
        ) : null}
        <section aria-labelledby="verdict-evidence">
          <h2 id="verdict-evidence">{restsOn.length > 0 ? 'The evidence' : 'The coverage'}</h2>
          {shown.length > 0 ? <ul>{shown.map(quoteOf)}</ul> : <p>No article of the story carries this claim.</p>}
          {pages.length > 0 ? (
            <>
              <h3>Elsewhere</h3>
              <ul>
                {pages.map((url) => (
                  <li key={url}>
                    <a href={url}>{url}</a>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      </article>
    </main>
  );
}

/** What a reader without JavaScript finds on the app's pages: where the verdicts are that read without it. */
function WithoutScript({ bundle, verdicts }: { bundle: StoryBundle; verdicts: readonly Claim[] }) {
  return (
    <div className="edition-without-script">
      <p>
        This edition of “{bundle.story.title}” shows its views with JavaScript.{' '}
        {verdicts.length > 0 ? 'Its published verdicts read without it:' : 'It has no published verdicts yet.'}
      </p>
      {verdicts.length > 0 ? (
        <ul>
          {verdicts.map((claim) => (
            <li key={claim.id}>
              <a href={`/claims/${encodeURIComponent(claim.id)}/`}>{claim.text}</a> (
              {RATING_WORDS[claim.verdict.status]})
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * A page of the app (a view's address): the app's page as built, named after the story, with a
 * <noscript> that leads a reader without JavaScript to the verdicts that read without it.
 */
export function renderViewPage(input: { template: string; bundle: StoryBundle; verdicts: readonly Claim[] }): string {
  const { template, bundle, verdicts } = input;
  const { document } = parseHTML(template);
  const root = document.getElementById('root');
  if (!root) throw new Error('the edition page has no #root element');
  document.title = `${bundle.story.title} · Parallax`;
  const noscript = document.createElement('noscript');
  noscript.innerHTML = renderToStaticMarkup(<WithoutScript bundle={bundle} verdicts={verdicts} />);
  root.after(noscript);
  return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
}

/**
 * The page of a published verdict: the edition's own page for the claim (the app's page, so
 * its scripts take over where JavaScript runs) with the verdict written into it, readable
 * without JavaScript, and its ClaimReview as JSON-LD for fact-check aggregators. Every text
 * goes through React's escaping; the JSON-LD through jsonForScript.
 */
export function renderVerdictPage(input: {
  template: string;
  claim: Claim;
  bundle: StoryBundle;
  publication: Publication;
  claimReview: unknown;
}): string {
  const { template, claim, bundle, publication, claimReview } = input;
  const { document } = parseHTML(template);
  const root = document.getElementById('root');
  if (!root) throw new Error('the edition page has no #root element');
  root.innerHTML = renderToStaticMarkup(<VerdictArticle claim={claim} bundle={bundle} publication={publication} />);
  document.title = `${RATING_WORDS[claim.verdict.status]}: ${claim.text} · ${bundle.story.title}`;
  const description = document.querySelector('meta[name="description"]');
  const summary = `${RATING_WORDS[claim.verdict.status]}. ${claim.verdict.note}`.trim();
  description?.setAttribute('content', summary);
  const script = document.createElement('script');
  script.setAttribute('type', 'application/ld+json');
  script.textContent = jsonForScript(claimReview);
  document.head.appendChild(script);
  return `<!doctype html>\n${document.documentElement.outerHTML}\n`;
}
