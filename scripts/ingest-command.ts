import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { isIsoDay } from '@/domain/calendar-days';
import { idSchema } from '@/domain/schemas';
import type { ArticleAnalyser } from '../server/ingest/article-analyser';
import { matchOutlet } from '@/domain/ingest/outlet-names';
import type { PageFetcher } from '../server/ingest/fetch-page';
import { createStoryIngester } from '../server/ingest/story-ingester';
import type { Store } from '../server/store/store';

export const INGEST_USAGE = `Add articles to a story: npm run ingest -- FILE... --story ID --outlet NAME --published YYYY-MM-DD [--url URL] [--new-outlet]

Each FILE may be plain text, Markdown (.md) or an HTML page (.html); HTML is reduced to its
article text. The outlet is matched to a known one by name or alias, in any case or
punctuation; a name that matches none is refused, with the closest known outlet proposed,
unless --new-outlet confirms that it is a new outlet. A text the story already has is
refused as a duplicate.

With --url and no FILE, the page is fetched (public addresses only, with time and size limits),
kept as the article's archived copy, and --published may be left out when the page states it.`;

const isWebAddress = (url: string) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);

export type IngestIo = {
  readFile(path: string): Promise<Uint8Array>;
  out(line: string): void;
  /** Where the files are analysed: a worker pool with a time limit per file in the real command. */
  analyser: ArticleAnalyser;
  /** Fetches a page for --url without files (see createPageFetcher). */
  fetchPage?: PageFetcher;
};

export type IngestSummary = { added: number; duplicates: number; errors: number };

/** Runs `npm run ingest`: every file in turn, with a progress line each and a summary. */
export async function runIngestCommand(store: Store, argv: string[], io: IngestIo): Promise<IngestSummary | null> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        story: { type: 'string' },
        outlet: { type: 'string' },
        'new-outlet': { type: 'boolean' },
        published: { type: 'string' },
        url: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.out(`${(error as Error).message}\n\n${INGEST_USAGE}`);
    return null;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.out(INGEST_USAGE);
    return null;
  }
  const problems = [
    files.length === 0 && values.url === undefined && 'name at least one file, or a page with --url',
    !values.story && '--story is required',
    values.story && !idSchema.safeParse(values.story).success && `--story "${values.story}" is not a story id`,
    !values.outlet?.trim() && '--outlet is required',
    !values.published && files.length > 0 && '--published is required',
    values.published && !isIsoDay(values.published) && `--published "${values.published}" is not a date (YYYY-MM-DD)`,
    values.url !== undefined && !isWebAddress(values.url) && `--url "${values.url}" is not an http or https address`,
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length > 0) {
    io.out(`${problems.join('\n')}\n\n${INGEST_USAGE}`);
    return null;
  }

  const outletMatch = matchOutlet(values.outlet!, await store.listOutlets());
  if (outletMatch && outletMatch.kind !== 'known' && !values['new-outlet']) {
    io.out(
      outletMatch.kind === 'close'
        ? `No outlet is called "${outletMatch.name}": did you mean "${outletMatch.outlet.name}" (--outlet ${outletMatch.outlet.id})? Add --new-outlet if it is a new outlet.`
        : `"${outletMatch.outlet.name}" is not a known outlet: add --new-outlet to create it.`,
    );
    return null;
  }

  const ingester = await createStoryIngester(store, io.analyser, values.story!);
  if (!ingester) {
    io.out(`There is no story "${values.story}".`);
    return null;
  }
  if (files.length === 0 && values.url !== undefined) {
    if (!io.fetchPage) {
      io.out('Fetching pages is not available here.');
      return null;
    }
    const fetched = await io.fetchPage(values.url);
    if (!fetched.ok) {
      io.out(`--url ${values.url}: ${fetched.refusal.message}`);
      return { added: 0, duplicates: 0, errors: 1 };
    }
    const { page } = fetched;
    const outcome = await ingester.add(
      {
        content: page.content,
        fileName:
          page.contentType === 'text/html' || page.contentType === 'application/xhtml+xml' ? 'page.html' : 'page.txt',
        outlet: values.outlet!,
        createOutlet: values['new-outlet'] ?? false,
        ...(values.published ? { published: values.published } : {}),
        url: page.url,
      },
      {
        archive: {
          url: page.url,
          fetchedAt: page.fetchedAt,
          contentType: page.contentType,
          content: new TextDecoder().decode(page.content),
        },
      },
    );
    if (!outcome.ok) {
      io.out(`${page.url}: ${outcome.problem.message}`);
      return {
        added: 0,
        duplicates: outcome.problem.code === 'duplicate' ? 1 : 0,
        errors: outcome.problem.code === 'duplicate' ? 0 : 1,
      };
    }
    io.out(
      `${page.url}: added as ${outcome.review.article.id}; ${outcome.review.suggestions.length} suggestions to review`,
    );
    return { added: 1, duplicates: 0, errors: 0 };
  }
  const summary: IngestSummary = { added: 0, duplicates: 0, errors: 0 };
  const failures: string[] = [];
  for (const [i, file] of files.entries()) {
    const prefix = `[${i + 1}/${files.length}] ${basename(file)}:`;
    let content: Uint8Array;
    try {
      content = await io.readFile(file);
    } catch (error) {
      summary.errors += 1;
      failures.push(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
      io.out(`${prefix} error: cannot be read`);
      continue;
    }
    let outcome;
    try {
      // Each article is stored with the story's shared passages in one transaction.
      outcome = await ingester.add({
        content,
        fileName: basename(file),
        outlet: values.outlet!,
        createOutlet: values['new-outlet'] ?? false,
        published: values.published!,
        url: values.url ?? null,
      });
    } catch (error) {
      // One file that breaks the analysis must not cost the rest of the batch.
      summary.errors += 1;
      failures.push(`${file}: could not be analysed (${(error as Error).message})`);
      io.out(`${prefix} error: could not be analysed`);
      continue;
    }
    if (outcome.ok) {
      summary.added += 1;
      const { article, suggestions, newOutlet } = outcome.review;
      const claims = new Set(suggestions.map((s) => s.claim)).size;
      io.out(
        `${prefix} added as ${article.id}${newOutlet ? ` (new outlet ${newOutlet.name})` : ''}; ` +
          `${suggestions.length} suggestions for ${claims} claims to review`,
      );
    } else if (outcome.problem.code === 'duplicate') {
      summary.duplicates += 1;
      io.out(`${prefix} duplicate: ${outcome.problem.message}`);
    } else {
      summary.errors += 1;
      failures.push(`${file}: ${outcome.problem.message}`);
      io.out(`${prefix} error: ${outcome.problem.message}`);
    }
  }
  io.out(
    `\n${summary.added} added, ${summary.duplicates} duplicate${summary.duplicates === 1 ? '' : 's'}, ` +
      `${summary.errors} error${summary.errors === 1 ? '' : 's'}` +
      (failures.length ? `:\n${failures.map((f) => `  ${f}`).join('\n')}` : ''),
  );
  if (summary.added > 0) io.out('Review the suggestions in the app: Add coverage, then the article.');
  return summary;
}
