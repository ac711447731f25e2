import { stanceSchema, supportSchema, type Mention, type Span, type StanceCell } from '@/domain/schemas';
import { chainFromJson, mentionBasisFromJson, optionalField } from './row-codecs';

/** The columns of a mentions row that a stance cell is read from. */
export const CELL_COLUMNS = ['id', 'claim', 'article', 'stance', 'attribution', 'support'] as const;
/** The columns of a mentions row that a whole mention is read from (with its spans, stored apart). */
export const MENTION_COLUMNS = [...CELL_COLUMNS, 'basis'] as const;

type CellRow = {
  id: string;
  claim: string;
  article: string;
  stance: string;
  attribution: string;
  support: string | null;
};

/** A mentions row as the matrix's stance cell: who says what about which claim, no evidence. */
export const cellFromRow = (row: CellRow): StanceCell => ({
  id: row.id,
  claim: row.claim,
  article: row.article,
  stance: stanceSchema.parse(row.stance),
  attribution: chainFromJson.parse(row.attribution),
  ...optionalField('support', row.support, (text) => supportSchema.parse(text)),
});

/** A mentions row with its spans as the whole mention, evidence and basis included. */
export const mentionFromRow = (row: CellRow & { basis: string | null }, spans: Span[]): Mention => ({
  ...cellFromRow(row),
  spans,
  ...optionalField('basis', row.basis, (text) => mentionBasisFromJson.parse(text)),
});
