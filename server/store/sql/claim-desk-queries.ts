import type { Kysely, Transaction } from 'kysely';
import {
  deskActionSchema,
  deskObjectKindSchema,
  mentionSchema,
  stanceSchema,
  type Claim,
  type DeskAction,
  type DeskEdit,
  type DeskObjectKind,
  type Mention,
  type Span,
  type Topic,
} from '@/domain/schemas';
import type { ClaimDeskStore, DeskAuthor, DeskResult, StoredMention } from '../claim-desk-store';
import { recordEvidenceChange } from './article-version-queries';
import { appendAudit, toAuditRecord, type AuditRecord } from './audit-writer';
import type { Database } from './database-schema';
import { MENTION_COLUMNS, mentionFromRow } from './mention-rows';
import { jsonOrNull } from './row-codecs';
import { claimColumns, insertClaimRow, toClaim } from './verdict-queries';

type Db = Kysely<Database> | Transaction<Database>;

const refused = (status: 400 | 409, code: string, message: string, field: string) =>
  ({ kind: 'refused', status, code, message, field }) as const;
const NOT_FOUND = { kind: 'not_found' } as const;

/** Claims of every state: live, merged away or removed. */
const readAnyClaim = (db: Db, id: string) =>
  db
    .selectFrom('claims')
    .select([...claimColumns, 'merged_into', 'removed_at'])
    .where('id', '=', id)
    .executeTakeFirst();

type AnyClaimRow = NonNullable<Awaited<ReturnType<typeof readAnyClaim>>>;
const isLive = (row: AnyClaimRow) => row.merged_into === null && row.removed_at === null;

async function readMention(db: Db, id: string): Promise<StoredMention | null> {
  const row = await db
    .selectFrom('mentions')
    .select([...MENTION_COLUMNS, 'story', 'version'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  const spans = await db
    .selectFrom('spans')
    .select(['article', 'start', 'end', 'exact', 'prefix', 'suffix'])
    .where('mention', '=', id)
    .orderBy('ordinal')
    .execute();
  return { ...mentionFromRow(row, spans), story: row.story, version: row.version };
}

/** A mention as the audit keeps it and the API answers it: without its story. */
const mentionOf = ({ story: _story, ...mention }: StoredMention) => mention;

async function writeSpans(db: Db, mention: string, story: string, spans: Span[]) {
  await db.deleteFrom('spans').where('mention', '=', mention).execute();
  if (spans.length > 0) {
    await db
      .insertInto('spans')
      .values(spans.map((span, ordinal) => ({ ...span, mention, ordinal, story })))
      .execute();
  }
}

async function insertMention(db: Db, m: Mention, story: string, version: number) {
  await db
    .insertInto('mentions')
    .values({
      id: m.id,
      story,
      claim: m.claim,
      article: m.article,
      stance: m.stance,
      attribution: JSON.stringify(m.attribution),
      support: m.support ?? null,
      basis: jsonOrNull(m.basis),
      version,
    })
    .execute();
  await writeSpans(db, m.id, story, m.spans);
}

function toDeskEdit(record: AuditRecord, undone: boolean): DeskEdit {
  return {
    id: record.id,
    story: record.story,
    kind: deskObjectKindSchema.parse(record.kind),
    object: record.objectId,
    related: record.related,
    version: record.version,
    action: deskActionSchema.parse(record.action),
    editor: record.editor,
    at: record.at,
    before: record.before,
    after: record.after,
    undoes: record.undoes,
    undone,
  };
}

type AuditInput = {
  story: string;
  kind: DeskObjectKind;
  object: string;
  related?: string | null;
  version: number;
  action: DeskAction;
  before: unknown;
  after: unknown;
  undoes?: number | null;
};

async function audit(db: Db, { object, ...entry }: AuditInput, by: DeskAuthor): Promise<DeskEdit> {
  return toDeskEdit(await appendAudit(db, { ...entry, objectId: object, editor: by.editor, at: by.at }), false);
}

/** The latest entry of an object, the one an undo would undo. */
const latestEdit = async (db: Db, kind: DeskObjectKind, object: string) => {
  const row = await db
    .selectFrom('audit')
    .selectAll()
    .where('object_kind', '=', kind)
    .where('object_id', '=', object)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? toAuditRecord(row) : undefined;
};

/** Raises a claim's version (the one its ETag and its verdict share) if it is still `expected`. */
async function bumpClaim(
  db: Db,
  id: string,
  expected: number,
  set: { text?: string; topic?: string; merged_into?: string | null; removed_at?: string | null },
) {
  const updated = await db
    .updateTable('claims')
    .set((eb) => ({ ...set, verdict_version: eb('verdict_version', '+', 1) }))
    .where('id', '=', id)
    .where('verdict_version', '=', expected)
    .returning(claimColumns)
    .executeTakeFirst();
  return updated ? toClaim(updated) : null;
}

const claimText = (claim: Claim) => ({ text: claim.text, topic: claim.topic });

async function topicVersion(db: Db, story: string, name: string) {
  const row = await db
    .selectFrom('topic_versions')
    .select('version')
    .where('story', '=', story)
    .where('name', '=', name)
    .executeTakeFirst();
  return row?.version ?? 1;
}

async function setTopicVersion(db: Db, story: string, name: string, version: number) {
  await db
    .insertInto('topic_versions')
    .values({ story, name, version })
    .onConflict((oc) => oc.columns(['story', 'name']).doUpdateSet({ version }))
    .execute();
}

async function liveClaimsOfTopic(db: Db, story: string, topic: string) {
  const rows = await db
    .selectFrom('claims')
    .select('id')
    .where('story', '=', story)
    .where('topic', '=', topic)
    .where('merged_into', 'is', null)
    .where('removed_at', 'is', null)
    .orderBy('rowid')
    .execute();
  return rows.map((row) => row.id);
}

async function topicOf(db: Db, story: string, name: string): Promise<Topic> {
  return {
    name,
    version: await topicVersion(db, story, name),
    claims: (await liveClaimsOfTopic(db, story, name)).length,
  };
}

/** Moves claims to another topic, raising each claim's version. */
async function retopic(db: Db, ids: readonly string[], topic: string) {
  for (const id of ids) {
    await db
      .updateTable('claims')
      .set((eb) => ({ topic, verdict_version: eb('verdict_version', '+', 1) }))
      .where('id', '=', id)
      .execute();
  }
}

async function countMentions(db: Db, claim: string) {
  const row = await db
    .selectFrom('mentions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('claim', '=', claim)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Why a mention cannot go: an event or a verdict cites it. */
async function mentionCitation(db: Db, mention: StoredMention): Promise<string | null> {
  const events = await db
    .selectFrom('events')
    .select(['id', 'title', 'mentions'])
    .where('story', '=', mention.story)
    .where('mentions', 'like', `%"${mention.id}"%`)
    .execute();
  const event = events.find((row) => (JSON.parse(row.mentions) as string[]).includes(mention.id));
  if (event) return `the event "${event.title}" cites this mention; take it out of the event first`;
  const claims = await db
    .selectFrom('claims')
    .select(['id', 'text', 'verdict_evidence'])
    .where('story', '=', mention.story)
    .where('verdict_evidence', 'like', `%"${mention.id}"%`)
    .execute();
  const citing = claims.find((row) =>
    (JSON.parse(row.verdict_evidence) as { kind: string; mention?: string }[]).some(
      (ref) => ref.kind === 'mention' && ref.mention === mention.id,
    ),
  );
  if (citing) return `the verdict on "${citing.text}" cites this mention as evidence; take it out of the verdict first`;
  return null;
}

const sameSpans = (a: readonly Span[], b: readonly Span[]) =>
  a.length === b.length && a.every((span, i) => span.start === b[i]?.start && span.end === b[i]?.end);

/** What a removed mention's audit entry keeps, to bring it back. */
const mentionFromAudit = (json: unknown) => mentionSchema.parse(json);

export function claimDeskQueries(db: Kysely<Database>): ClaimDeskStore {
  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>) => db.transaction().execute(work);

  return {
    createClaim(claim, by) {
      return inTransaction(async (trx): Promise<DeskResult<Claim>> => {
        const twin = await trx
          .selectFrom('claims')
          .select('id')
          .where('story', '=', claim.story)
          .where('text', '=', claim.text)
          .where('merged_into', 'is', null)
          .where('removed_at', 'is', null)
          .executeTakeFirst();
        if (twin) return refused(409, 'exists', 'this story already has a claim with this wording', 'text');
        if ((await insertClaimRow(trx, claim)) === 0) {
          return refused(409, 'exists', 'a claim with this id exists', 'text');
        }
        const edit = await audit(
          trx,
          {
            story: claim.story,
            kind: 'claim',
            object: claim.id,
            version: claim.verdict.version,
            action: 'create',
            before: null,
            after: claimText(claim),
          },
          by,
        );
        return { kind: 'done', value: claim, edit };
      });
    },

    editClaim({ id, expectedVersion, text, topic }, by) {
      return inTransaction(async (trx): Promise<DeskResult<Claim>> => {
        const row = await readAnyClaim(trx, id);
        if (!row || !isLive(row)) return NOT_FOUND;
        const current = toClaim(row);
        if (current.verdict.version !== expectedVersion) return { kind: 'stale', current };
        if (text !== undefined && text !== current.text) {
          const twin = await trx
            .selectFrom('claims')
            .select('id')
            .where('story', '=', current.story)
            .where('text', '=', text)
            .where('id', '!=', id)
            .where('merged_into', 'is', null)
            .where('removed_at', 'is', null)
            .executeTakeFirst();
          if (twin) {
            return refused(
              409,
              'exists',
              `the claim "${twin.id}" already has this wording; merge into it instead`,
              'text',
            );
          }
        }
        const next = { text: text ?? current.text, topic: topic ?? current.topic };
        const updated = await bumpClaim(trx, id, expectedVersion, next);
        if (!updated) return { kind: 'stale', current };
        const edit = await audit(
          trx,
          {
            story: current.story,
            kind: 'claim',
            object: id,
            version: updated.verdict.version,
            action: 'edit',
            before: claimText(current),
            after: next,
          },
          by,
        );
        return { kind: 'done', value: updated, edit };
      });
    },

    mergeClaim({ id, into, expectedVersion }, by) {
      return inTransaction(async (trx): Promise<DeskResult<{ claim: Claim; into: Claim }, Claim>> => {
        const row = await readAnyClaim(trx, id);
        if (!row || !isLive(row)) return NOT_FOUND;
        const source = toClaim(row);
        if (source.verdict.version !== expectedVersion) return { kind: 'stale', current: source };
        if (into === id) return refused(400, 'invalid_body', 'into: a claim cannot be merged into itself', 'into');
        const targetRow = await readAnyClaim(trx, into);
        if (!targetRow || !isLive(targetRow) || targetRow.story !== source.story) {
          return refused(400, 'invalid_body', `into: no claim "${into}" in this story`, 'into');
        }
        const target = toClaim(targetRow);
        const moved = (
          await trx.selectFrom('mentions').select('id').where('claim', '=', id).orderBy('rowid').execute()
        ).map((m) => m.id);
        await trx
          .updateTable('mentions')
          .set((eb) => ({ claim: into, version: eb('version', '+', 1) }))
          .where('claim', '=', id)
          .execute();
        const merged = await bumpClaim(trx, id, expectedVersion, { merged_into: into });
        if (!merged) return { kind: 'stale', current: source };
        // Both verdicts, as they stood, stay on record with the merge.
        const edit = await audit(
          trx,
          {
            story: source.story,
            kind: 'claim',
            object: id,
            related: into,
            version: merged.verdict.version,
            action: 'merge',
            before: { claim: source, into: target, mentions: moved },
            after: { mergedInto: into, mentions: moved },
          },
          by,
        );
        return { kind: 'done', value: { claim: merged, into: target }, edit };
      });
    },

    removeClaim({ id, expectedVersion }, by) {
      return inTransaction(async (trx): Promise<DeskResult<Claim>> => {
        const row = await readAnyClaim(trx, id);
        if (!row || !isLive(row)) return NOT_FOUND;
        const current = toClaim(row);
        if (current.verdict.version !== expectedVersion) return { kind: 'stale', current };
        const mentions = await countMentions(trx, id);
        if (mentions > 0) {
          return refused(
            409,
            'has_mentions',
            `the claim has ${mentions} mention${mentions === 1 ? '' : 's'}: delete them or merge the claim into another first`,
            'claim',
          );
        }
        const removed = await bumpClaim(trx, id, expectedVersion, { removed_at: by.at });
        if (!removed) return { kind: 'stale', current };
        const edit = await audit(
          trx,
          {
            story: current.story,
            kind: 'claim',
            object: id,
            version: removed.verdict.version,
            action: 'remove',
            before: current,
            after: null,
          },
          by,
        );
        return { kind: 'done', value: removed, edit };
      });
    },

    undoClaim({ id, expectedVersion }, by) {
      return inTransaction(async (trx): Promise<DeskResult<Claim, Claim | null>> => {
        const row = await readAnyClaim(trx, id);
        if (!row) return NOT_FOUND;
        const current = toClaim(row);
        const last = await latestEdit(trx, 'claim', id);
        if (current.verdict.version !== expectedVersion)
          return { kind: 'stale', current: isLive(row) ? current : null };
        if (!last || last.version !== expectedVersion || last.action.startsWith('undo-')) {
          return refused(
            409,
            'nothing_to_undo',
            'the latest change of this claim is not one that can be undone',
            'If-Match',
          );
        }
        const entry = toDeskEdit(last, false);
        const base = { story: current.story, kind: 'claim' as const, object: id, undoes: entry.id };
        if (entry.action === 'create' || entry.action === 'remove') {
          const restoring = entry.action === 'remove';
          if (!restoring) {
            const mentions = await countMentions(trx, id);
            if (mentions > 0) {
              return refused(409, 'has_mentions', 'the claim has mentions now; it cannot be taken back', 'claim');
            }
          }
          const updated = await bumpClaim(trx, id, expectedVersion, { removed_at: restoring ? null : by.at });
          if (!updated) return { kind: 'stale', current };
          const edit = await audit(
            trx,
            {
              ...base,
              version: updated.verdict.version,
              action: restoring ? 'undo-remove' : 'undo-create',
              before: restoring ? null : claimText(current),
              after: restoring ? claimText(updated) : null,
            },
            by,
          );
          return { kind: 'done', value: updated, edit };
        }
        if (entry.action === 'edit') {
          const before = entry.before as { text: string; topic: string };
          const updated = await bumpClaim(trx, id, expectedVersion, before);
          if (!updated) return { kind: 'stale', current };
          const edit = await audit(
            trx,
            {
              ...base,
              version: updated.verdict.version,
              action: 'undo-edit',
              before: claimText(current),
              after: before,
            },
            by,
          );
          return { kind: 'done', value: updated, edit };
        }
        if (entry.action === 'merge') {
          const into = entry.related ?? '';
          const { mentions } = entry.after as { mentions: string[] };
          const back: string[] = [];
          for (const mention of mentions) {
            const result = await trx
              .updateTable('mentions')
              .set((eb) => ({ claim: id, version: eb('version', '+', 1) }))
              .where('id', '=', mention)
              .where('claim', '=', into)
              .executeTakeFirst();
            if (Number(result.numUpdatedRows) > 0) back.push(mention);
          }
          const updated = await bumpClaim(trx, id, expectedVersion, { merged_into: null });
          if (!updated) return { kind: 'stale', current };
          const edit = await audit(
            trx,
            {
              ...base,
              related: into,
              version: updated.verdict.version,
              action: 'undo-merge',
              before: { mergedInto: into },
              after: { mentions: back },
            },
            by,
          );
          return { kind: 'done', value: updated, edit };
        }
        return refused(409, 'nothing_to_undo', 'this change cannot be undone', 'If-Match');
      });
    },

    async claimRedirect(id) {
      let at = id;
      for (let hops = 0; hops < 50; hops += 1) {
        const row = await db
          .selectFrom('claims')
          .select(['merged_into', 'removed_at'])
          .where('id', '=', at)
          .executeTakeFirst();
        if (!row) return null;
        if (row.merged_into === null) return at === id || row.removed_at !== null ? null : at;
        at = row.merged_into;
      }
      return null;
    },

    async listTopics(storyId) {
      const rows = await db
        .selectFrom('claims')
        .select('topic')
        .where('story', '=', storyId)
        .where('merged_into', 'is', null)
        .where('removed_at', 'is', null)
        .orderBy('rowid')
        .execute();
      const counts = new Map<string, number>();
      for (const { topic } of rows) counts.set(topic, (counts.get(topic) ?? 0) + 1);
      const versions = await db
        .selectFrom('topic_versions')
        .select(['name', 'version'])
        .where('story', '=', storyId)
        .execute();
      const versionOf = new Map(versions.map((v) => [v.name, v.version]));
      return [...counts].map(([name, claims]) => ({ name, claims, version: versionOf.get(name) ?? 1 }));
    },

    renameTopic({ story, from, to, expectedVersion }, by) {
      return inTransaction(async (trx): Promise<DeskResult<Topic>> => {
        const ids = await liveClaimsOfTopic(trx, story, from);
        if (ids.length === 0) return NOT_FOUND;
        const current = await topicOf(trx, story, from);
        if (current.version !== expectedVersion) return { kind: 'stale', current };
        if (to === from) return refused(400, 'invalid_body', 'name: the topic already has this name', 'name');
        await retopic(trx, ids, to);
        const version = Math.max(expectedVersion, await topicVersion(trx, story, to)) + 1;
        await setTopicVersion(trx, story, from, expectedVersion + 1);
        await setTopicVersion(trx, story, to, version);
        const edit = await audit(
          trx,
          {
            story,
            kind: 'topic',
            object: to,
            related: from,
            version,
            action: 'rename',
            before: { name: from, claims: ids },
            after: { name: to, claims: ids },
          },
          by,
        );
        return { kind: 'done', value: await topicOf(trx, story, to), edit };
      });
    },

    undoTopic({ story, name, expectedVersion }, by) {
      return inTransaction(async (trx): Promise<DeskResult<Topic>> => {
        const current = await topicOf(trx, story, name);
        if (current.version !== expectedVersion) return { kind: 'stale', current };
        const row = await trx
          .selectFrom('audit')
          .selectAll()
          .where('object_kind', '=', 'topic')
          .where('object_id', '=', name)
          .where('story', '=', story)
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirst();
        const last = row ? toAuditRecord(row) : undefined;
        if (!last || last.version !== expectedVersion || last.action !== 'rename') {
          return refused(409, 'nothing_to_undo', 'the latest change of this topic is not a rename', 'If-Match');
        }
        const { name: from, claims } = (last.before ?? {}) as { name: string; claims: string[] };
        const still = (await liveClaimsOfTopic(trx, story, name)).filter((id) => claims.includes(id));
        await retopic(trx, still, from);
        const version = Math.max(expectedVersion, await topicVersion(trx, story, from)) + 1;
        await setTopicVersion(trx, story, name, expectedVersion + 1);
        await setTopicVersion(trx, story, from, version);
        const edit = await audit(
          trx,
          {
            story,
            kind: 'topic',
            object: from,
            related: name,
            version,
            action: 'undo-rename',
            before: { name, claims: still },
            after: { name: from, claims: still },
            undoes: last.id,
          },
          by,
        );
        return { kind: 'done', value: await topicOf(trx, story, from), edit };
      });
    },

    getMention: (id) => readMention(db, id),

    createMention(mention, by) {
      return inTransaction(async (trx): Promise<DeskResult<StoredMention>> => {
        const article = await trx
          .selectFrom('articles')
          .select('story')
          .where('id', '=', mention.article)
          .executeTakeFirst();
        if (!article) return refused(400, 'invalid_body', `article: no article "${mention.article}"`, 'article');
        const twins = await trx
          .selectFrom('mentions')
          .select('id')
          .where('claim', '=', mention.claim)
          .where('article', '=', mention.article)
          .where('stance', '=', mention.stance)
          .execute();
        for (const twin of twins) {
          const existing = await readMention(trx, twin.id);
          if (existing && sameSpans(existing.spans, mention.spans)) {
            return refused(409, 'exists', 'this evidence is already recorded with this claim and stance', 'spans');
          }
        }
        const taken = await trx.selectFrom('mentions').select('id').where('id', '=', mention.id).executeTakeFirst();
        if (taken) return refused(409, 'exists', 'a mention with this id exists', 'spans');
        await insertMention(trx, mention, article.story, 1);
        // New coverage of a claim tells its verdict, as a changed span does.
        await recordEvidenceChange(trx, {
          claim: mention.claim,
          story: article.story,
          kind: 'coverage',
          mention: mention.id,
          article: mention.article,
          articleVersion: null,
          at: by.at,
        });
        const stored = await readMention(trx, mention.id);
        if (!stored) throw new Error(`mention ${mention.id} vanished`);
        const edit = await audit(
          trx,
          {
            story: article.story,
            kind: 'mention',
            object: mention.id,
            related: mention.claim,
            version: 1,
            action: 'create',
            before: null,
            after: mentionOf(stored),
          },
          by,
        );
        return { kind: 'done', value: stored, edit };
      });
    },

    editMention({ id, expectedVersion, ...changes }, by) {
      return inTransaction(async (trx): Promise<DeskResult<StoredMention>> => {
        const current = await readMention(trx, id);
        if (!current) return NOT_FOUND;
        if (current.version !== expectedVersion) return { kind: 'stale', current };
        const updated = await trx
          .updateTable('mentions')
          .set((eb) => ({
            ...(changes.stance !== undefined ? { stance: changes.stance } : {}),
            ...(changes.attribution !== undefined ? { attribution: JSON.stringify(changes.attribution) } : {}),
            version: eb('version', '+', 1),
          }))
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) === 0) return { kind: 'stale', current };
        if (changes.spans !== undefined) await writeSpans(trx, id, current.story, changes.spans);
        const stored = await readMention(trx, id);
        if (!stored) throw new Error(`mention ${id} vanished`);
        const pick = (m: StoredMention) => ({
          ...(changes.stance !== undefined ? { stance: m.stance } : {}),
          ...(changes.attribution !== undefined ? { attribution: m.attribution } : {}),
          ...(changes.spans !== undefined ? { spans: m.spans } : {}),
        });
        const edit = await audit(
          trx,
          {
            story: current.story,
            kind: 'mention',
            object: id,
            related: current.claim,
            version: stored.version,
            action: 'edit',
            before: pick(current),
            after: pick(stored),
          },
          by,
        );
        return { kind: 'done', value: stored, edit };
      });
    },

    removeMention({ id, expectedVersion }, by) {
      return inTransaction(async (trx): Promise<DeskResult<StoredMention>> => {
        const current = await readMention(trx, id);
        if (!current) return NOT_FOUND;
        if (current.version !== expectedVersion) return { kind: 'stale', current };
        const cited = await mentionCitation(trx, current);
        if (cited) return refused(409, 'cited', cited, 'mention');
        await trx.deleteFrom('spans').where('mention', '=', id).execute();
        await trx.deleteFrom('mentions').where('id', '=', id).where('version', '=', expectedVersion).execute();
        const removed = { ...current, version: current.version + 1 };
        const edit = await audit(
          trx,
          {
            story: current.story,
            kind: 'mention',
            object: id,
            related: current.claim,
            version: removed.version,
            action: 'remove',
            before: mentionOf(current),
            after: null,
          },
          by,
        );
        return { kind: 'done', value: removed, edit };
      });
    },

    undoMention({ id, expectedVersion }, by) {
      return inTransaction(async (trx): Promise<DeskResult<StoredMention | null, StoredMention | null>> => {
        const current = await readMention(trx, id);
        const last = await latestEdit(trx, 'mention', id);
        if (!current && !last) return NOT_FOUND;
        const currentVersion = current?.version ?? last?.version;
        if (currentVersion !== expectedVersion) return { kind: 'stale', current };
        if (!last || last.version !== expectedVersion || last.action.startsWith('undo-')) {
          return refused(
            409,
            'nothing_to_undo',
            'the latest change of this mention is not one that can be undone',
            'If-Match',
          );
        }
        const entry = toDeskEdit(last, false);
        const base = { story: entry.story, kind: 'mention' as const, object: id, undoes: entry.id };
        if (entry.action === 'remove') {
          const mention = mentionFromAudit(entry.before);
          const claim = await readAnyClaim(trx, mention.claim);
          const article = await trx
            .selectFrom('articles')
            .select('id')
            .where('id', '=', mention.article)
            .executeTakeFirst();
          if (!claim || !isLive(claim) || !article) {
            return refused(
              409,
              'gone',
              'the claim or the article of this mention is gone; it cannot come back',
              'mention',
            );
          }
          await insertMention(trx, mention, entry.story, expectedVersion + 1);
          const stored = await readMention(trx, id);
          if (!stored) throw new Error(`mention ${id} vanished`);
          const edit = await audit(
            trx,
            {
              ...base,
              related: mention.claim,
              version: stored.version,
              action: 'undo-remove',
              before: null,
              after: mentionOf(stored),
            },
            by,
          );
          return { kind: 'done', value: stored, edit };
        }
        if (!current) return NOT_FOUND;
        if (entry.action === 'create') {
          const cited = await mentionCitation(trx, current);
          if (cited) return refused(409, 'cited', cited, 'mention');
          await trx.deleteFrom('spans').where('mention', '=', id).execute();
          await trx.deleteFrom('mentions').where('id', '=', id).execute();
          const edit = await audit(
            trx,
            {
              ...base,
              related: current.claim,
              version: current.version + 1,
              action: 'undo-create',
              before: mentionOf(current),
              after: null,
            },
            by,
          );
          return { kind: 'done', value: null, edit };
        }
        if (entry.action === 'edit') {
          const before = entry.before as { stance?: string; attribution?: unknown; spans?: Span[] };
          await trx
            .updateTable('mentions')
            .set((eb) => ({
              ...(before.stance !== undefined ? { stance: stanceSchema.parse(before.stance) } : {}),
              ...(before.attribution !== undefined ? { attribution: JSON.stringify(before.attribution) } : {}),
              version: eb('version', '+', 1),
            }))
            .where('id', '=', id)
            .execute();
          if (before.spans !== undefined) await writeSpans(trx, id, current.story, before.spans);
          const stored = await readMention(trx, id);
          if (!stored) throw new Error(`mention ${id} vanished`);
          const edit = await audit(
            trx,
            {
              ...base,
              related: current.claim,
              version: stored.version,
              action: 'undo-edit',
              before: entry.after,
              after: entry.before,
            },
            by,
          );
          return { kind: 'done', value: stored, edit };
        }
        return refused(409, 'nothing_to_undo', 'this change cannot be undone', 'If-Match');
      });
    },

    createActor(actor, story, by) {
      return inTransaction(async (trx): Promise<DeskResult<typeof actor>> => {
        const taken = await trx.selectFrom('actors').select('id').where('id', '=', actor.id).executeTakeFirst();
        if (taken) return refused(409, 'exists', `a source "${actor.id}" exists already`, 'name');
        await trx.insertInto('actors').values(actor).execute();
        const edit = await audit(
          trx,
          { story, kind: 'actor', object: actor.id, version: 1, action: 'create', before: null, after: actor },
          by,
        );
        return { kind: 'done', value: actor, edit };
      });
    },

    async listDeskEdits(kind, object) {
      let query = db.selectFrom('audit').selectAll();
      query =
        kind === 'claim'
          ? query.where((eb) =>
              eb.or([
                eb.and([eb('object_kind', '=', 'claim'), eb('object_id', '=', object)]),
                eb.and([eb('object_kind', '=', 'claim'), eb('related', '=', object)]),
              ]),
            )
          : query.where('object_kind', '=', kind).where('object_id', '=', object);
      const rows = await query.orderBy('id').execute();
      const ids = rows.map((row) => row.id);
      const undoneRows =
        ids.length === 0 ? [] : await db.selectFrom('audit').select('undoes').where('undoes', 'in', ids).execute();
      const undone = new Set(undoneRows.map((row) => Number(row.undoes)));
      return rows.map((row) => toDeskEdit(toAuditRecord(row), undone.has(Number(row.id))));
    },
  };
}
