import * as z from 'zod/mini';

export const apiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The offending field or parameter, when there is one. */
    field: z.optional(z.string()),
  }),
});
export type ApiErrorBody = z.infer<typeof apiErrorSchema>;
