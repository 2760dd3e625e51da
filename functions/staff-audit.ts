import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AuditAction } from '../src/cinema/audit-filter.ts';
import type { AuditJson } from '../src/cinema/audit-entry.ts';
import type { AppEnv } from './env.ts';
import { outcomeOf, screeningOf } from './observability/observe.ts';
import { staffDirectory } from './staff-auth.ts';
import type { StaffIdentity } from './staff-directory.ts';

/** Adds details to the route's audit entry (a union's name, seats, the account changed…); never a password or token. */
export function noteAudit(c: Context<AppEnv>, details: Record<string, AuditJson>): void {
  c.set('auditDetails', { ...c.get('auditDetails'), ...details });
}

/**
 * One audit entry per request to the route, whatever its outcome: who (c.var.staff, if signed in),
 * when, the action, the screening, the outcome (`ok` or the refusal's code), the client's address and
 * what the route noted. Put before requireStaff on every staff write and export, so a caller refused
 * for a role too low is recorded too (requireStaff names them first). A request with no staff
 * and nothing noted (signing out with no session) leaves no entry, so nobody can fill the log anonymously.
 * The entry is written
 * after the answer is decided; if the directory cannot take it, the answer stands and the loss is logged.
 */
export const audited = (action: AuditAction) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const staff = c.get('staff') as StaffIdentity | undefined;
    const details = c.get('auditDetails');
    if (!staff && !details) return;
    const outcome = outcomeOf(c, 'ok');
    try {
      await staffDirectory(c.env).appendAudit({
        actorId: staff?.id ?? null,
        actor: staff?.username ?? null,
        via: staff?.via ?? (details?.bootstrap === true ? 'bootstrap' : null),
        action,
        screening: screeningOf(c, outcome),
        outcome,
        client: c.req.header('CF-Connecting-IP') ?? 'unknown',
        details: details ?? {},
      });
    } catch (error) {
      console.error('audit entry not written:', action, outcome, error instanceof Error ? error.message : error);
    }
  });
