import type { Generated } from 'kysely';

/** A verdict's publication, from its first change on (migration 0010-publishing). */
export type PublicationsTable = {
  claim: string;
  story: string;
  state: string;
  version: number;
  editor: string | null;
  at: string | null;
  verdict_version: number | null;
  first_published_at: string | null;
};

/** Every publication and withdrawal; append-only. */
export type PublicationAuditTable = {
  id: Generated<number>;
  claim: string;
  story: string;
  version: number;
  editor: string;
  at: string;
  from_state: string;
  to_state: string;
  verdict_version: number;
};

/** Where an imported mention came from; append-only. */
export type ImportedAnnotationsTable = {
  mention: string;
  story: string;
  annotation: string;
  creator: string | null;
  created: string | null;
  imported_by: string;
  imported_at: string;
};
