import * as z from 'zod/mini';

export const roleSchema = z.enum(['reader', 'editor', 'admin']);
export type Role = z.infer<typeof roleSchema>;

export const usernameSchema = z
  .string()
  .check(
    z.regex(
      /^[a-z0-9][a-z0-9._-]{1,31}$/,
      'must be 2–32 characters of a-z, 0-9, ".", "_" or "-", starting with a letter or digit',
    ),
  );

export const MAX_PASSWORD_LENGTH = 1024;

export const sessionUserSchema = z.object({ username: z.string(), role: roleSchema });
export type SessionUser = z.infer<typeof sessionUserSchema>;

/** GET /api/session: who is signed in, if anyone. */
export const sessionStateSchema = z.object({
  user: z.nullable(sessionUserSchema),
  /** True in a read-only edition of a story: nobody signs in and nothing is changed there. */
  readOnly: z.optional(z.boolean()),
});
export type SessionState = z.infer<typeof sessionStateSchema>;

export const signInInputSchema = z.strictObject({
  username: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(64, 'is too long')),
  password: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(MAX_PASSWORD_LENGTH, 'is too long')),
});
export type SignInInput = z.infer<typeof signInInputSchema>;

/** Whether a role may change verdicts. */
export function canEditVerdicts(role: Role): boolean {
  return role === 'editor' || role === 'admin';
}
