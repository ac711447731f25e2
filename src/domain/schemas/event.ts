import * as z from 'zod/mini';
import { idSchema, isoDateSchema, nonEmptyString } from './primitives';

/** Event kinds in their canonical order: the timeline's lanes, legend, filters and URLs follow it. */
export const EVENT_KINDS = ['meeting', 'attack', 'announcement', 'operation'] as const;
export const eventKindSchema = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKindSchema>;

export const eventFormatSchema = z.enum(['virtual', 'in-person', 'unknown', 'not-applicable']);
export type EventFormat = z.infer<typeof eventFormatSchema>;

export const eventStatusSchema = z.enum(['held', 'planned', 'postponed', 'cancelled']);
export type EventStatus = z.infer<typeof eventStatusSchema>;

export const datePrecisionSchema = z.enum(['day', 'range']);

/**
 * A day, or a range when the sources only bound the date ("in recent weeks"):
 * a range is never collapsed into an invented day.
 */
export const eventDateSchema = z
  .object({
    precision: datePrecisionSchema,
    start: isoDateSchema,
    end: isoDateSchema,
    /** Where the date comes from: the phrase in the coverage or the record it rests on. */
    basis: nonEmptyString,
    /**
     * The relative phrase ("on Thursday", "last weekend") and the article whose publication
     * date it was resolved against, when the date was derived rather than recorded.
     */
    derivedFrom: z.nullable(z.object({ article: idSchema, phrase: nonEmptyString })),
    /**
     * The story's research note (by id) that gives the day from the public record. With a
     * record the date is that day, and `derivedFrom` keeps the coverage's own vaguer phrase,
     * which must still cover the day.
     */
    record: z.optional(idSchema),
  })
  .check(
    z.refine((date) => date.start <= date.end, { message: 'start must not be after end', path: ['end'] }),
    z.refine((date) => date.precision !== 'day' || date.start === date.end, {
      message: 'a day must have start equal to end',
      path: ['end'],
    }),
    z.refine((date) => date.precision !== 'range' || date.start < date.end, {
      message: 'a range must span more than one day',
      path: ['end'],
    }),
    z.refine((date) => date.record === undefined || date.precision === 'day', {
      message: 'a date from the public record is a day',
      path: ['precision'],
    }),
  );
export type EventDate = z.infer<typeof eventDateSchema>;

/**
 * How an event is tied to another: `held-as` says that this one (postponed or planned) took
 * place as the other; without a relation the link is a plain cross-reference.
 */
export const EVENT_RELATIONS = ['held-as', 'related'] as const;
export const eventRelationSchema = z.enum(EVENT_RELATIONS);
export type EventRelation = z.infer<typeof eventRelationSchema>;

export const relatedEventSchema = z.object({
  event: idSchema,
  note: nonEmptyString,
  relation: z.optional(eventRelationSchema),
});
export type RelatedEvent = z.infer<typeof relatedEventSchema>;

export const storyEventSchema = z.object({
  id: idSchema,
  story: idSchema,
  title: nonEmptyString,
  kind: eventKindSchema,
  format: eventFormatSchema,
  status: eventStatusSchema,
  date: eventDateSchema,
  participants: z.array(idSchema),
  /** The mentions (claim × article) that report this event. */
  mentions: z.array(idSchema),
  /** Other events this one is tied to (a promised meeting and the meeting that followed). */
  related: z.optional(z.array(relatedEventSchema)),
});
export type StoryEvent = z.infer<typeof storyEventSchema>;
