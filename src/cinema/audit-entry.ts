import * as z from 'zod';

const auditScalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** What an audit entry's details may hold: flat JSON values (they cross RPC and are stored as JSON). */
export const auditJsonSchema = z.union([auditScalarSchema, z.array(auditScalarSchema), z.record(z.string(), auditScalarSchema)]);
export type AuditJson = z.infer<typeof auditJsonSchema>;

/** One audit log entry as the API answers it (GET /api/staff/audit). */
export const auditEntrySchema = z.strictObject({
  id: z.number().int(),
  at: z.iso.datetime(),
  /** The account's username, or null for an action nobody was signed in for (a failed sign-in, staff:add). */
  actor: z.string().nullable(),
  via: z.enum(['session', 'token', 'bootstrap']).nullable(),
  action: z.string(),
  screening: z.string().nullable(),
  /** `ok`, or the refusal's code. */
  outcome: z.string(),
  client: z.string(),
  details: z.record(z.string(), auditJsonSchema),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
