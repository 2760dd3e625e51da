import type { MemberStanding } from './member-standing.ts';
import type { AuditJson } from '../src/cinema/audit-entry.ts';
import type { RosterObject } from './roster-object.ts';
import type { ScreeningObject } from './screening-object.ts';
import type { SignInThrottle } from './sign-in-throttle.ts';
import type { StaffDirectory, StaffIdentity } from './staff-directory.ts';

/** The Worker's bindings and secrets, as declared in wrangler.toml and .dev.vars. */
export interface Env {
  /** The built site (./dist), served by Workers static assets. */
  ASSETS: Fetcher;
  /** The seat store everything reads: seat maps, tickets, members' ticket lists, the roster. */
  SEATS: KVNamespace;
  /** One Durable Object per screening: the single writer of its seats. */
  SCREENINGS: DurableObjectNamespace<ScreeningObject>;
  /** Counts sign-in attempts per member number, per client address and per known browser (functions/sign-in-throttle.ts). */
  SIGN_IN_THROTTLE: DurableObjectNamespace<SignInThrottle>;
  /** Staff accounts, sessions, API tokens and the audit log: one object (functions/staff-directory.ts). */
  STAFF_DIRECTORY: DurableObjectNamespace<StaffDirectory>;
  /** The roster's upload sessions (one object, idFromName('roster')): staged until an admin applies one. */
  ROSTER: DurableObjectNamespace<RosterObject>;
  /** One object per member (idFromName(memberId)): their strikes, suspension and lottery weight (functions/member-standing.ts). */
  MEMBER_STANDING: DurableObjectNamespace<MemberStanding>;
  /** The site's search: the built pages in SQLite full-text search (functions/search/). */
  SEARCH: D1Database;
  /** Signs session cookies. */
  SESSION_SECRET: string;
  /** Keys the hash of member numbers and phone digits in the roster. */
  MEMBER_HASH_KEY: string;
  /** Signed the QR payload of tickets before HG2 (HMAC, HG1): kept so those tickets verify online until their screenings are over. */
  TICKET_SECRET: string;
  /** Signs the QR payload of tickets (Ed25519, HG2): PKCS#8, base64. The door verifies with its public key, offline too. */
  TICKET_SIGNING_KEY: string;
  /** The key before TICKET_SIGNING_KEY, during a rotation: its signatures still verify (docs/operations.md). */
  TICKET_SIGNING_KEY_PREVIOUS?: string;
  /** Lets `npm run staff:add` create accounts (POST /api/staff/bootstrap); unset, that route does not exist. */
  STAFF_BOOTSTRAP_SECRET?: string;
  /** Workers Rate Limiting: claims per member and per client address, sign-ins per client address. */
  CLAIM_LIMIT_MEMBER?: RateLimit;
  CLAIM_LIMIT_CLIENT?: RateLimit;
  SIGN_IN_LIMIT_CLIENT?: RateLimit;
  /** Searches per client address (GET /api/search). */
  SEARCH_LIMIT_CLIENT?: RateLimit;
  /** Workers Analytics Engine: one data point per claim outcome (functions/observability/). Absent, nothing is written. */
  CLAIM_EVENTS?: AnalyticsEngineDataset;
  /** Turns on Cloudflare Turnstile for sign-in and claims when set (off by default). */
  TURNSTILE_SECRET_KEY?: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    /** The signed-in member's id: a keyed hash of the member number, never the number itself. */
    memberId: string;
    /** The staff account making the request (requireStaff). */
    staff: StaffIdentity;
    /** What a staff route adds to its audit entry (noteAudit, functions/staff-audit.ts). */
    auditDetails?: Record<string, AuditJson>;
    /** What a staff action counted, for its log record (functions/observability/observe.ts). */
    actionCounts?: Record<string, number>;
  };
}
