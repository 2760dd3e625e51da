import { DurableObject } from 'cloudflare:workers';
import type { ApiToken } from '../src/cinema/api-token.ts';
import type { AuditEntry } from '../src/cinema/audit-entry.ts';
import type { StaffAccount } from '../src/cinema/staff-account.ts';
import type { StaffRole } from '../src/cinema/staff-roles.ts';
import type { Env } from './env.ts';
import type { PasswordHash } from './password-hash.ts';

/** The one instance (getByName): staff are few, and one writer makes "disabled" true at once everywhere. */
export const STAFF_DIRECTORY_NAME = 'staff';

/** Who a request is: set by requireStaff as `c.var.staff`. */
export interface StaffIdentity {
  id: number;
  username: string;
  role: StaffRole;
  via: 'session' | 'token';
}

export type NewAuditEntry = Omit<AuditEntry, 'id' | 'at'> & { actorId: number | null };

export type AccountChange = { ok: true; account: StaffAccount } | { ok: false; code: 'staff_account_exists' | 'staff_account_not_found' };
export type BootstrapChange = AccountChange | { ok: false; code: 'staff_bootstrap_closed' };

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

type AccountRow = { id: number; username: string; role: StaffRole; disabled: number; created_at: number };
const accountOf = (row: AccountRow): StaffAccount => ({
  id: row.id,
  username: row.username,
  role: row.role,
  disabled: row.disabled === 1,
  createdAt: new Date(row.created_at).toISOString(),
});

/**
 * Staff accounts, their sessions and API tokens (both stored as SHA-256 of the secret, never the secret),
 * and the append-only audit log, in one SQLite Durable Object. Every staff request asks it who the
 * caller is (`authenticate`), so disabling an account or revoking a token holds from the next request.
 * Password hashing happens in the Worker (it is slow; this object serves everyone).
 */
export class StaffDirectory extends DurableObject<Env> {
  private readonly sql: SqlStorage;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.sql = ctx.storage.sql;
    this.sql.exec(`
      CREATE TABLE IF NOT EXISTS accounts (
        id INTEGER PRIMARY KEY AUTOINCREMENT, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL,
        password TEXT NOT NULL, disabled INTEGER NOT NULL DEFAULT 0, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS sessions (
        hash TEXT PRIMARY KEY, account_id INTEGER NOT NULL, expires_at INTEGER NOT NULL);
      CREATE INDEX IF NOT EXISTS sessions_by_account ON sessions (account_id);
      CREATE TABLE IF NOT EXISTS tokens (
        id INTEGER PRIMARY KEY AUTOINCREMENT, hash TEXT NOT NULL UNIQUE, account_id INTEGER NOT NULL, name TEXT NOT NULL,
        created_at INTEGER NOT NULL, last_used_at INTEGER, revoked_at INTEGER);
      CREATE TABLE IF NOT EXISTS audit (
        id INTEGER PRIMARY KEY AUTOINCREMENT, at INTEGER NOT NULL, actor_id INTEGER, actor TEXT, via TEXT,
        action TEXT NOT NULL, screening TEXT, outcome TEXT NOT NULL, client TEXT NOT NULL, details TEXT NOT NULL);
    `);
  }

  // ---- accounts -----------------------------------------------------------------------------------

  createAccount(account: { username: string; role: StaffRole; password: PasswordHash }): AccountChange {
    if (this.sql.exec('SELECT 1 FROM accounts WHERE username = ?', account.username).toArray().length > 0) return { ok: false, code: 'staff_account_exists' };
    const row = this.sql
      .exec<AccountRow>(
        'INSERT INTO accounts (username, role, password, created_at) VALUES (?, ?, ?, ?) RETURNING id, username, role, disabled, created_at',
        account.username,
        account.role,
        JSON.stringify(account.password),
        Date.now(),
      )
      .one();
    return { ok: true, account: accountOf(row) };
  }

  /**
   * An account made with the bootstrap secret: only while no admin account exists (disabled ones count),
   * checked and written in one call so two bootstraps at once cannot both make an admin.
   */
  createBootstrapAccount(account: { username: string; role: StaffRole; password: PasswordHash }): BootstrapChange {
    if (this.sql.exec("SELECT 1 FROM accounts WHERE role = 'admin' LIMIT 1").toArray().length > 0) return { ok: false, code: 'staff_bootstrap_closed' };
    return this.createAccount(account);
  }

  listAccounts(): StaffAccount[] {
    return this.sql.exec<AccountRow>('SELECT id, username, role, disabled, created_at FROM accounts ORDER BY username').toArray().map(accountOf);
  }

  /** What a sign-in checks the password against; disabled accounts have none to check. */
  passwordOf(username: string): { id: number; username: string; role: StaffRole; password: PasswordHash } | null {
    const row = this.sql
      .exec<{ id: number; username: string; role: StaffRole; password: string }>('SELECT id, username, role, password FROM accounts WHERE username = ? AND disabled = 0', username)
      .toArray()[0];
    return row ? { ...row, password: JSON.parse(row.password) as PasswordHash } : null;
  }

  private changeAccount(username: string, change: () => void): AccountChange {
    return this.ctx.storage.transactionSync(() => {
      const before = this.sql.exec<AccountRow>('SELECT id FROM accounts WHERE username = ?', username).toArray()[0];
      if (!before) return { ok: false, code: 'staff_account_not_found' } as const;
      change();
      return { ok: true, account: accountOf(this.sql.exec<AccountRow>('SELECT id, username, role, disabled, created_at FROM accounts WHERE id = ?', before.id).one()) } as const;
    });
  }

  setRole(username: string, role: StaffRole): AccountChange {
    return this.changeAccount(username, () => this.sql.exec('UPDATE accounts SET role = ? WHERE username = ?', role, username));
  }

  /** Disabling ends the account's sessions and revokes its tokens: enabling it again does not bring them back. */
  setDisabled(username: string, disabled: boolean): AccountChange {
    return this.changeAccount(username, () => {
      this.sql.exec('UPDATE accounts SET disabled = ? WHERE username = ?', disabled ? 1 : 0, username);
      if (disabled) this.endAccess(username);
    });
  }

  /** A new password ends every session (whoever knew the old one is out); API tokens stay. */
  setPassword(username: string, password: PasswordHash): AccountChange {
    return this.changeAccount(username, () => {
      this.sql.exec('UPDATE accounts SET password = ? WHERE username = ?', JSON.stringify(password), username);
      this.sql.exec('DELETE FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE username = ?)', username);
    });
  }

  private endAccess(username: string): void {
    this.sql.exec('DELETE FROM sessions WHERE account_id = (SELECT id FROM accounts WHERE username = ?)', username);
    this.sql.exec('UPDATE tokens SET revoked_at = ? WHERE revoked_at IS NULL AND account_id = (SELECT id FROM accounts WHERE username = ?)', Date.now(), username);
  }

  // ---- sessions and tokens ------------------------------------------------------------------------

  /** Who holds this session id or API token (by its hash), or null: unknown, expired, revoked or disabled. */
  authenticate(kind: 'session' | 'token', hash: string): StaffIdentity | null {
    const now = Date.now();
    type Row = { id: number; username: string; role: StaffRole; token: number | null };
    const row =
      kind === 'session'
        ? this.sql
            .exec<Row>(
              'SELECT a.id, a.username, a.role, NULL AS token FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.hash = ? AND s.expires_at > ? AND a.disabled = 0',
              hash,
              now,
            )
            .toArray()[0]
        : this.sql
            .exec<Row>(
              'SELECT a.id, a.username, a.role, t.id AS token FROM tokens t JOIN accounts a ON a.id = t.account_id WHERE t.hash = ? AND t.revoked_at IS NULL AND a.disabled = 0',
              hash,
            )
            .toArray()[0];
    // When a token was last used tells an admin which tokens are still needed before revoking.
    if (row?.token) this.sql.exec('UPDATE tokens SET last_used_at = ? WHERE id = ?', now, row.token);
    return row ? { id: row.id, username: row.username, role: row.role, via: kind } : null;
  }

  /** False if the account was disabled since its password was checked. */
  /** False if the account is disabled or its password is no longer the one the sign-in checked. */
  startSession(accountId: number, checked: PasswordHash, hash: string, expiresAt: number): boolean {
    const account = this.sql.exec<{ password: string }>('SELECT password FROM accounts WHERE id = ? AND disabled = 0', accountId).toArray()[0];
    if (!account || account.password !== JSON.stringify(checked)) return false;
    // Ended sessions go as new ones start: the table holds only sessions that may still count.
    this.sql.exec('DELETE FROM sessions WHERE expires_at <= ?', Date.now());
    this.sql.exec('INSERT INTO sessions (hash, account_id, expires_at) VALUES (?, ?, ?)', hash, accountId, expiresAt);
    return true;
  }

  endSession(hash: string): void {
    this.sql.exec('DELETE FROM sessions WHERE hash = ?', hash);
  }

  endAllSessions(accountId: number): number {
    return this.sql.exec('DELETE FROM sessions WHERE account_id = ?', accountId).rowsWritten;
  }

  createToken(accountId: number, name: string, hash: string): ApiToken {
    const { id } = this.sql
      .exec<{ id: number }>('INSERT INTO tokens (hash, account_id, name, created_at) VALUES (?, ?, ?, ?) RETURNING id', hash, accountId, name, Date.now())
      .one();
    return this.listTokens({ tokenId: id })[0]!;
  }

  /** Tokens, newest first: one account's, or everyone's (admins), or one. */
  listTokens(filter: { accountId?: number; tokenId?: number } = {}): ApiToken[] {
    return this.sql
      .exec<{ id: number; username: string; name: string; created_at: number; last_used_at: number | null; revoked_at: number | null }>(
        `SELECT t.id, a.username, t.name, t.created_at, t.last_used_at, t.revoked_at FROM tokens t JOIN accounts a ON a.id = t.account_id
         WHERE (? IS NULL OR t.account_id = ?) AND (? IS NULL OR t.id = ?) ORDER BY t.id DESC`,
        ...[filter.accountId ?? null, filter.tokenId ?? null].flatMap((value) => [value, value]),
      )
      .toArray()
      .map((row) => ({ id: row.id, username: row.username, name: row.name, createdAt: iso(row.created_at)!, lastUsedAt: iso(row.last_used_at), revokedAt: iso(row.revoked_at) }));
  }

  /** Revokes a token (only the owner's, unless `anyOwner`): the revoked token, or null if there is none to revoke. */
  revokeToken(tokenId: number, owner: { accountId: number; anyOwner: boolean }): ApiToken | null {
    const revoked = this.sql
      .exec('UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL AND (? OR account_id = ?) RETURNING id', Date.now(), tokenId, owner.anyOwner ? 1 : 0, owner.accountId)
      .toArray();
    return revoked.length > 0 ? this.listTokens({ tokenId })[0]! : null;
  }

  // ---- audit log: appended to, read, never changed ------------------------------------------------

  /** The actor's username is kept as it was then (accounts are never renamed or deleted, but reading needs no join). */
  appendAudit(entry: NewAuditEntry): void {
    this.sql.exec(
      'INSERT INTO audit (at, actor_id, actor, via, action, screening, outcome, client, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      Date.now(),
      entry.actorId,
      entry.actor,
      entry.via,
      entry.action,
      entry.screening,
      entry.outcome,
      entry.client,
      JSON.stringify(entry.details),
    );
  }

  /** Newest first, `limit` entries older than entry `before` (a cursor: the last id of the previous page). */
  readAudit(query: { before?: number; limit: number; action?: string; actor?: string; screening?: string }): AuditEntry[] {
    return this.sql
      .exec<{ id: number; at: number; actor: string | null; via: AuditEntry['via']; action: string; screening: string | null; outcome: string; client: string; details: string }>(
        `SELECT id, at, actor, via, action, screening, outcome, client, details FROM audit
         WHERE (? IS NULL OR id < ?) AND (? IS NULL OR action = ?) AND (? IS NULL OR actor = ?) AND (? IS NULL OR screening = ?)
         ORDER BY id DESC LIMIT ?`,
        ...[query.before ?? null, query.action ?? null, query.actor ?? null, query.screening ?? null].flatMap((value) => [value, value]),
        query.limit,
      )
      .toArray()
      .map((row) => ({ ...row, at: iso(row.at)!, details: JSON.parse(row.details) as AuditEntry['details'] }));
  }
}
