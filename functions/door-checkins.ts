import * as z from 'zod';
import type { CheckInConflict, DoorCheckIn } from '../src/cinema/offline-checkin.ts';

/** The device an online check-in (POST …/checkins) that names none is recorded under. */
export const ONLINE_DEVICE = 'online';

/** A door device's own id, random, kept on the device: whose check-in a conflict names. */
export const doorDeviceSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{4,40}$/)
  .refine((device) => device !== ONLINE_DEVICE, { error: `device 不能是 ${ONLINE_DEVICE}` });

/**
 * Which door device checked each ticket in, and the conflicts between devices (two check-ins of one
 * ticket, the earlier kept), in the screening object's SQLite beside the ticket ledger. Conflicts are
 * keyed by the ticket and the losing device, so a replayed batch records nothing twice.
 */
export class DoorCheckIns {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(`
      CREATE TABLE IF NOT EXISTS checkin_devices (code TEXT PRIMARY KEY, device TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS checkin_conflicts (
        code TEXT NOT NULL,
        device TEXT NOT NULL,
        at INTEGER NOT NULL,
        kept_device TEXT NOT NULL,
        kept_at INTEGER NOT NULL,
        PRIMARY KEY (code, device)
      );
    `);
  }

  deviceOf(code: string): string {
    return this.sql.exec<{ device: string }>('SELECT device FROM checkin_devices WHERE code = ?', code).toArray()[0]?.device ?? ONLINE_DEVICE;
  }

  setDevice(code: string, device: string): void {
    this.sql.exec('INSERT INTO checkin_devices (code, device) VALUES (?, ?) ON CONFLICT (code) DO UPDATE SET device = excluded.device', code, device);
  }

  /** The losing check-ins recorded for a ticket. */
  laterOf(code: string): DoorCheckIn[] {
    return this.sql
      .exec<{ device: string; at: number }>('SELECT device, at FROM checkin_conflicts WHERE code = ?', code)
      .toArray()
      .map((row) => ({ code, device: row.device, at: new Date(row.at).toISOString() }));
  }

  /** Records `later` as the losing side against `kept`; an earlier-winning check-in moves every recorded loser to itself. */
  recordConflict(kept: DoorCheckIn, later: DoorCheckIn): void {
    this.sql.exec(
      'INSERT OR IGNORE INTO checkin_conflicts (code, device, at, kept_device, kept_at) VALUES (?, ?, ?, ?, ?)',
      later.code,
      later.device,
      Date.parse(later.at),
      kept.device,
      Date.parse(kept.at),
    );
    this.sql.exec('UPDATE checkin_conflicts SET kept_device = ?, kept_at = ? WHERE code = ?', kept.device, Date.parse(kept.at), kept.code);
  }

  /** Every conflict, in the order of the check-in that was kept. */
  conflicts(): CheckInConflict[] {
    return this.sql
      .exec<{ code: string; device: string; at: number; kept_device: string; kept_at: number }>(
        'SELECT * FROM checkin_conflicts ORDER BY kept_at, code, at',
      )
      .toArray()
      .map((row) => ({
        code: row.code,
        kept: { code: row.code, device: row.kept_device, at: new Date(row.kept_at).toISOString() },
        later: { code: row.code, device: row.device, at: new Date(row.at).toISOString() },
      }));
  }

  purge(): void {
    this.sql.exec('DELETE FROM checkin_devices');
    this.sql.exec('DELETE FROM checkin_conflicts');
  }
}
