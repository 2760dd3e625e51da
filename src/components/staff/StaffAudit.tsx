import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { AUDIT_ACTIONS, auditActionLabel, auditQuery, type AuditFilter } from '../../cinema/audit-filter';
import type { AuditEntry } from '../../cinema/audit-entry';
import { formatShanghaiTime } from '../../cinema/countdown';
import { StaffGate } from './StaffGate';
import { download, staffJson } from './staff-api';

const PAGE_SIZE = 50;
/** How a request was made: an account's session or API token, or `npm run staff:add` with the bootstrap secret. */
const VIA: Record<string, string> = { session: '登录', token: 'API 令牌', bootstrap: 'staff:add 引导' };
const NO_FILTER: AuditFilter = { action: '', actor: '', screening: '' };

/** /cinema/staff/audit/: the audit log newest first, a page at a time, filtered, and the same filter as CSV. */
export default function StaffAudit() {
  return <StaffGate need="operator">{() => <Audit />}</StaffGate>;
}

function Audit() {
  const filter = useSignal<AuditFilter>(NO_FILTER);
  const entries = useSignal<AuditEntry[] | undefined>(undefined);
  const next = useSignal<number | null>(null);
  const message = useSignal('');
  const busy = useSignal(false);

  /** The first page of `filter` (replacing the list), or the page before `before` (added below it). */
  const load = async (before?: number) => {
    busy.value = true;
    const answer = await staffJson<{ entries: AuditEntry[]; next: number | null }>(`/api/staff/audit${auditQuery(filter.value, { before, limit: PAGE_SIZE })}`);
    busy.value = false;
    if (!answer.ok) {
      message.value = answer.refusal.message;
      return;
    }
    message.value = '';
    entries.value = before === undefined ? answer.body.entries : [...(entries.value ?? []), ...answer.body.entries];
    next.value = answer.body.next;
  };
  useEffect(() => void load(), []);

  const applyFilter = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    filter.value = { action: String(data.get('action') ?? ''), actor: String(data.get('actor') ?? ''), screening: String(data.get('screening') ?? '') };
    void load();
  };
  const csvPath = `/api/staff/audit.csv${auditQuery(filter.value)}`;
  const fetchCsv = async (event: MouseEvent) => {
    event.preventDefault();
    const refused = await download(csvPath, 'staff-audit.csv');
    message.value = refused ? `操作记录下载失败：${refused.message}` : '';
  };

  return (
    <>
      <form class="staff-panel audit-filter" onSubmit={applyFilter} aria-labelledby="audit-filter-title">
        <h2 id="audit-filter-title">筛选</h2>
        <div class="field">
          <label for="audit-action">操作</label>
          <select id="audit-action" name="action">
            <option value="">全部操作</option>
            {Object.entries(AUDIT_ACTIONS).map(([action, label]) => (
              <option key={action} value={action}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="audit-actor">账号</label>
          <input id="audit-actor" name="actor" autocomplete="off" autocapitalize="none" spellcheck={false} maxLength={32} />
        </div>
        <div class="field">
          <label for="audit-screening">场次编号</label>
          <input id="audit-screening" name="screening" autocomplete="off" autocapitalize="none" spellcheck={false} maxLength={100} />
        </div>
        <div class="staff-actions">
          <button type="submit" disabled={busy.value}>
            筛选
          </button>
          <a class="button-link" href={csvPath} download="staff-audit.csv" onClick={(event) => void fetchCsv(event)}>
            下载操作记录 CSV
          </a>
        </div>
      </form>
      <p class="staff-message" role="status">
        {message.value}
      </p>
      {entries.value === undefined ? (
        <p class="staff-status">正在读取操作记录…</p>
      ) : entries.value.length === 0 ? (
        <p>没有符合条件的记录。</p>
      ) : (
        <ol class="staff-rows audit-entries">
          {entries.value.map((entry) => (
            <li key={entry.id} class="staff-row" data-action={entry.action}>
              <h3>
                {auditActionLabel(entry.action)}
                {entry.outcome !== 'ok' && <span class="refused">（被拒绝：{entry.outcome}）</span>}
              </h3>
              <p class="staff-status">
                {formatShanghaiTime(entry.at)} · {entry.actor ?? '无账号'}
                {entry.via && `（${VIA[entry.via] ?? entry.via}）`}
                {entry.screening && ` · 场次 ${entry.screening}`} · {entry.client}
              </p>
              {Object.keys(entry.details).length > 0 && <p class="audit-details">{JSON.stringify(entry.details)}</p>}
            </li>
          ))}
        </ol>
      )}
      {next.value !== null && (
        <button type="button" class="secondary" disabled={busy.value} onClick={() => void load(next.value!)}>
          {busy.value ? '正在读取…' : '更早的记录'}
        </button>
      )}
    </>
  );
}
