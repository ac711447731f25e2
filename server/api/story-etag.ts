import type { Context } from 'hono';
import { accepts } from 'hono/accepts';
import type { Store } from '../store/store';
import type { StoryVersion } from '../store/story-version-store';
import { jsonError } from './api-errors';
import type { StoryReadCache } from './story-read-cache';

/** The shape of story responses: raised when one changes, so no browser keeps a body of the old shape. */
const STORY_FORMAT = 1;

/** A story read as a strong ETag: which read, in which shape, of which version of the story. */
export const storyEtag = (read: string, version: StoryVersion) =>
  `"${read}.${STORY_FORMAT}.${version.epoch}.${version.version}"`;

/**
 * The tag of If-None-Match that names the current ETag, if one does, by the weak comparison RFC 9110 asks for here:
 * a compressed response carries the tag as W/"…", and a browser sends back what it was given.
 */
export function noneMatch(header: string | undefined, etag: string): string | null {
  if (!header) return null;
  if (header.trim() === '*') return etag;
  const opaque = etag.replace(/^W\//, '');
  return (
    header
      .split(',')
      .map((tag) => tag.trim())
      .find((tag) => tag.replace(/^W\//, '') === opaque) ?? null
  );
}

/**
 * A story read that browsers revalidate: the story's version is read first (so the ETag is
 * never newer than the body), sent as a strong ETag with `Cache-Control: no-cache`, and an
 * If-None-Match naming it is answered 304 without reading the story at all.
 */
export async function revalidatedStoryRead(
  c: Context,
  store: Store,
  storyId: string,
  read: string,
  load: () => Promise<unknown>,
  cache?: StoryReadCache,
): Promise<Response> {
  const version = await store.getStoryVersion(storyId);
  if (!version) return jsonError(c, 404, 'not_found', `no story "${storyId}"`, 'story');
  const etag = storyEtag(read, version);
  c.header('ETag', etag);
  c.header('Cache-Control', 'no-cache');
  const matched = noneMatch(c.req.header('If-None-Match'), etag);
  if (matched) {
    // The tag as the browser holds it: W/ when the answer it revalidates came compressed (hono/compress).
    c.header('ETag', matched);
    return c.body(null, 304);
  }
  if (cache) return await cachedBody(c, await cache.get({ storyId, read, etag }, load), storyId, etag);
  const body = await load();
  if (body === null) return jsonError(c, 404, 'not_found', `no story "${storyId}"`, 'story');
  return c.json(body);
}

/**
 * A read kept serialized and gzipped for its version: sent gzipped as it is kept to a client
 * that accepts gzip (hono/compress leaves an answer with a Content-Encoding alone), as JSON to
 * one that does not; either way it varies by Accept-Encoding, and the gzipped one carries the
 * weak form of the tag, as hono/compress would give it.
 */
async function cachedBody(c: Context, kept: Awaited<ReturnType<StoryReadCache['get']>>, storyId: string, etag: string) {
  if (!kept) return jsonError(c, 404, 'not_found', `no story "${storyId}"`, 'story');
  c.header('Vary', 'Accept-Encoding', { append: true });
  c.header('Content-Type', 'application/json');
  if (accepts(c, { header: 'Accept-Encoding', supports: ['gzip'], default: 'identity' }) === 'gzip') {
    c.header('Content-Encoding', 'gzip');
    c.header('ETag', `W/${etag}`);
    return c.body(kept.gzip, 200);
  }
  return c.body(await kept.json(), 200);
}
