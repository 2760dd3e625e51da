import * as z from 'zod';

/** An API token as the API lists it (GET /api/staff/tokens): whose, its name and use, never the token or its hash. */
export const apiTokenSchema = z.strictObject({
  id: z.number().int(),
  username: z.string(),
  name: z.string(),
  createdAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;
