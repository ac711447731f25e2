import * as z from 'zod/mini';
import { stripBidiControls } from '../bidi-controls';
import {
  eventDateSchema,
  eventFormatSchema,
  eventKindSchema,
  eventStatusSchema,
  relatedEventSchema,
  storyEventSchema,
} from './event';
import { idSchema, isoDateTimeSchema } from './primitives';

export const MAX_EVENT_TITLE_LENGTH = 300;
export const MAX_EVENT_BASIS_LENGTH = 4_000;
export const MAX_EVENT_LINKS = 200;

const titleSchema = z
  .string()
  .check(
    z.overwrite(stripBidiControls),
    z.trim(),
    z.minLength(1, 'must not be empty'),
    z.maxLength(MAX_EVENT_TITLE_LENGTH, `must be at most ${MAX_EVENT_TITLE_LENGTH} characters`),
  );

const dateSchema = eventDateSchema.check(
  z.refine((date) => date.basis.length <= MAX_EVENT_BASIS_LENGTH, {
    message: `must be at most ${MAX_EVENT_BASIS_LENGTH.toLocaleString('en')} characters`,
    path: ['basis'],
  }),
);

const idList = (what: string) =>
  z.array(idSchema).check(
    z.maxLength(MAX_EVENT_LINKS, `at most ${MAX_EVENT_LINKS} ${what}`),
    z.refine((ids) => new Set(ids).size === ids.length, { message: `lists a ${what.replace(/s$/, '')} twice` }),
  );

const eventFields = {
  title: titleSchema,
  kind: eventKindSchema,
  format: eventFormatSchema,
  status: eventStatusSchema,
  date: dateSchema,
  participants: idList('participants'),
  mentions: idList('mentions'),
  related: z.optional(
    z.array(relatedEventSchema).check(
      z.maxLength(20, 'at most 20 linked events'),
      z.refine((links) => new Set(links.map((link) => link.event)).size === links.length, {
        message: 'links the same event twice',
      }),
    ),
  ),
};

/**
 * The body of POST /api/stories/:story/events: every field of an event but its id (the
 * server makes one from the title) and its story (the path names it). Unknown fields are
 * refused rather than ignored.
 */
export const newEventSchema = z.strictObject(eventFields);
export type NewEvent = z.infer<typeof newEventSchema>;

/** The body of PATCH /api/events/:id: the fields to change, at least one; `date` is replaced whole. */
export const eventPatchSchema = z
  .strictObject({
    title: z.optional(eventFields.title),
    kind: z.optional(eventFields.kind),
    format: z.optional(eventFields.format),
    status: z.optional(eventFields.status),
    date: z.optional(eventFields.date),
    participants: z.optional(eventFields.participants),
    mentions: z.optional(eventFields.mentions),
    related: eventFields.related,
  })
  .check(
    z.refine((patch) => Object.values(patch).some((value) => value !== undefined), {
      message: 'name at least one field to change',
    }),
  );
export type EventPatch = z.infer<typeof eventPatchSchema>;

/** An event as the event routes answer: with the version its ETag names. */
export const versionedEventSchema = z.extend(storyEventSchema, { version: z.int().check(z.positive()) });
export type VersionedEvent = z.infer<typeof versionedEventSchema>;

/** The answer to DELETE /api/events/:id: the event as it was, and the version of its removal. */
export const eventRemovalSchema = z.object({
  removed: z.literal(true),
  event: storyEventSchema,
  version: z.int().check(z.positive()),
});
export type EventRemoval = z.infer<typeof eventRemovalSchema>;

export const eventActionSchema = z.enum(['created', 'edited', 'removed', 'restored']);
export type EventAction = z.infer<typeof eventActionSchema>;

/** One accepted change of an event: who, when, what it was before and after (null: not there). */
export const eventAuditEntrySchema = z.object({
  id: z.int().check(z.positive()),
  event: idSchema,
  story: idSchema,
  version: z.int().check(z.positive()),
  action: eventActionSchema,
  editor: z.string(),
  at: isoDateTimeSchema,
  from: z.nullable(storyEventSchema),
  to: z.nullable(storyEventSchema),
});
export type EventAuditEntry = z.infer<typeof eventAuditEntrySchema>;

/** What GET /api/changes sends when an event is added, changed, removed or restored. */
export const eventChangeEventSchema = z.object({
  story: idSchema,
  event: idSchema,
  version: z.int().check(z.positive()),
  action: eventActionSchema,
});
export type EventChangeEvent = z.infer<typeof eventChangeEventSchema>;

/** The body of a 412 on an event: the refusal, and the event as it now stands (null: removed). */
export const staleEventBodySchema = z.object({
  error: z.object({ code: z.literal('stale_version'), message: z.string(), field: z.optional(z.string()) }),
  event: z.nullable(versionedEventSchema),
  version: z.int().check(z.positive()),
});
