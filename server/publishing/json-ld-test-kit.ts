import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsonld from 'jsonld';

/**
 * The JSON-LD contexts Parallax's documents name, as project files: expansion never goes to
 * the network, and a term the context does not define fails instead of being looked up.
 */
const CONTEXT_FILES: Record<string, string> = {
  'https://schema.org': 'schema-org.jsonld',
  'https://schema.org/': 'schema-org.jsonld',
  'http://schema.org': 'schema-org.jsonld',
  'http://schema.org/': 'schema-org.jsonld',
  'http://www.w3.org/ns/anno.jsonld': 'anno.jsonld',
  'https://www.w3.org/ns/anno.jsonld': 'anno.jsonld',
};

const contextsDir = join(import.meta.dirname, 'contexts');

type RemoteDocument = { contextUrl?: string; documentUrl: string; document: unknown };

/** Answers only for the bundled contexts; any other URL is an error, never a request. */
export function localDocumentLoader(url: string): Promise<RemoteDocument> {
  const file = CONTEXT_FILES[url];
  if (!file) return Promise.reject(new Error(`no local copy of the JSON-LD document ${url}`));
  const document: unknown = JSON.parse(readFileSync(join(contextsDir, file), 'utf8'));
  return Promise.resolve({ documentUrl: url, document });
}

export type ExpandedNode = Record<string, unknown>;

/**
 * JSON-LD expansion in safe mode with the local loader: a term, type or value the context
 * cannot map makes it reject. (A small typed door onto jsonld, whose typings' overloads and
 * loader signature do not describe version 9.)
 */
export async function expandSafely(document: object): Promise<ExpandedNode[]> {
  const expand = jsonld.expand as unknown as (
    input: object,
    options: { documentLoader: typeof localDocumentLoader; safe: boolean },
  ) => Promise<ExpandedNode[]>;
  return expand(document, { documentLoader: localDocumentLoader, safe: true });
}
