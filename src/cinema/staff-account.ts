import * as z from 'zod';
import { staffRoleSchema } from './staff-roles.ts';

/** A staff account as the API answers it (GET /api/staff/accounts and every change): never its password. */
export const staffAccountSchema = z.strictObject({
  id: z.number().int(),
  username: z.string(),
  role: staffRoleSchema,
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;
