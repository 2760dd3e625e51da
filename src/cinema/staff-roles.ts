import * as z from 'zod';

/** Staff roles, least to most: door (check-in only) < operator (everything about screenings) < admin (plus accounts and the roster). */
export const STAFF_ROLES = ['door', 'operator', 'admin'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** Whether an account with role `held` may do what needs `needed`: each role has the rights of those below it. */
export function roleAtLeast(held: StaffRole, needed: StaffRole): boolean {
  return STAFF_ROLES.indexOf(held) >= STAFF_ROLES.indexOf(needed);
}

/**
 * A staff username: lower-case Latin letters, digits, dot, dash, underscore (what every phone keyboard
 * types without a mode switch), 2–32 long. Stored lower-case, so `Wang` and `wang` are one account.
 */
export const staffUsernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, '用户名为 2–32 位小写字母、数字或 . _ -，以字母或数字开头');

/** A password someone chose (staff:add reading stdin, a reset): long enough that guessing it is hopeless. */
export const staffPasswordSchema = z.string().min(12, '密码至少 12 位').max(200);
