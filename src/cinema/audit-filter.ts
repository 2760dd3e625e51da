/** The audit view's filters, as the audit routes (GET /api/staff/audit, /audit.csv) take them in the query. */
export interface AuditFilter {
  action: string;
  actor: string;
  screening: string;
}

/**
 * The query string for a filter (blank fields left out, so they filter nothing) and, for the paged
 * list, the page (`before`, `limit`). The CSV link takes the filter alone: the whole filtered log.
 */
export function auditQuery(filter: AuditFilter, page: { before?: number; limit?: number } = {}): string {
  const query = new URLSearchParams();
  for (const key of ['action', 'actor', 'screening'] as const) {
    const value = filter[key].trim();
    if (value) query.set(key, key === 'actor' ? value.toLowerCase() : value);
  }
  if (page.before !== undefined) query.set('before', String(page.before));
  if (page.limit !== undefined) query.set('limit', String(page.limit));
  const text = query.toString();
  return text ? `?${text}` : '';
}

/**
 * The audited actions, named for the filter, the list and the CSV. `audited(…)` in functions/routes takes
 * only these keys, so a new action cannot reach the log without its Chinese name.
 */
export const AUDIT_ACTIONS = {
  sign_in: '登录',
  sign_out: '退出登录',
  sign_out_everywhere: '在所有设备退出',
  account_create: '新建账号',
  account_change: '修改账号',
  account_password_reset: '重置密码',
  token_create: '新建 API 令牌',
  token_revoke: '撤销 API 令牌',
  check_in: '检票',
  check_in_sync: '离线检票同步',
  booking: '包场',
  booking_cancel: '取消包场',
  export_attendance: '下载入场名单',
  export_audit: '下载操作记录',
  export_backup: '导出备份',
  purge: '清除场次数据',
  rebuild: '重建座位数据',
  restore: '恢复场次',
  roster_upload: '上传会员名单',
  roster_apply: '应用会员名单',
  standing_lookup: '查看会员信用',
  strike_clear: '撤销爽约记录',
} as const satisfies Record<string, string>;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** An entry's action in Chinese; an action from an older version of the code keeps its code. */
export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as AuditAction] : action;
}
