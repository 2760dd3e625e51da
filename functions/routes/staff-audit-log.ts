import { Hono, type Context } from 'hono';
// The browser build: the default one needs Node's Buffer, which workerd lacks without nodejs_compat.
import { stringify } from 'csv-stringify/browser/esm/sync';
import * as z from 'zod';
import { auditActionLabel } from '../../src/cinema/audit-filter.ts';
import type { AuditEntry } from '../../src/cinema/audit-entry.ts';
import { beijingTimeCell, SPREADSHEET_CSV_OPTIONS } from '../../src/cinema/spreadsheet-cells.ts';
import type { AppEnv } from '../env.ts';
import { refusal } from '../refusals.ts';
import { audited, noteAudit } from '../staff-audit.ts';
import { requireStaff, staffDirectory } from '../staff-auth.ts';

export const auditQuerySchema = z
  .object({
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    action: z.string().max(40).optional(),
    actor: z.string().max(32).optional(),
    screening: z.string().max(100).optional(),
  })
  .strict();

function auditQuery(c: Context<AppEnv>) {
  const parsed = auditQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw refusal('invalid_input', { issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) });
  return parsed.data;
}

/** The CSV holds at most this many entries, newest first: a year of a busy cinema; narrow by filter for more. */
const CSV_MAX_ENTRIES = 50_000;
const PAGE = 500;

/**
 * The audit log for operators and admins: read in pages newest first (`next` is the `before` of the next
 * page), or downloaded as CSV (UTF-8 with BOM, like attendance.csv). No route edits or deletes an entry.
 */
export const staffAuditRoutes = () =>
  new Hono<AppEnv>()
    .get('/audit', requireStaff('operator'), async (c) => {
      const query = auditQuery(c);
      const entries = await staffDirectory(c.env).readAudit(query);
      return c.json({ entries, next: entries.length === query.limit ? entries.at(-1)!.id : null });
    })
    .get('/audit.csv', audited('export_audit'), requireStaff('operator'), async (c) => {
      const { limit: _, ...filter } = auditQuery(c);
      const directory = staffDirectory(c.env);
      const entries: AuditEntry[] = [];
      for (let before = filter.before; entries.length < CSV_MAX_ENTRIES; ) {
        const page = await directory.readAudit({ ...filter, before, limit: PAGE });
        entries.push(...page);
        if (page.length < PAGE) break;
        before = page.at(-1)!.id;
      }
      noteAudit(c, { rows: entries.length });
      const csv = stringify(
        entries.map((entry) => [entry.id, beijingTimeCell(entry.at), entry.actor ?? '', entry.via ?? '', auditActionLabel(entry.action), entry.action, entry.screening ?? '', entry.outcome, entry.client, JSON.stringify(entry.details)]),
        { header: true, columns: ['序号', '时间', '账号', '方式', '操作', '操作代码', '场次', '结果', '来源地址', '详情'], ...SPREADSHEET_CSV_OPTIONS },
      );
      return c.body(`\uFEFF${csv}`, 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="staff-audit.csv"',
        'Cache-Control': 'no-store',
      });
    });
