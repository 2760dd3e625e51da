import { roleAtLeast, type StaffRole } from '../../cinema/staff-roles';

const VIEWS: { href: string; label: string; need: StaffRole }[] = [
  { href: '/cinema/staff/', label: '场次', need: 'operator' },
  { href: '/cinema/staff/accounts/', label: '工作人员账号', need: 'admin' },
  { href: '/cinema/staff/roster/', label: '会员名单导入', need: 'admin' },
  { href: '/cinema/staff/members/', label: '会员信用', need: 'operator' },
  { href: '/cinema/staff/tokens/', label: 'API 令牌', need: 'operator' },
  { href: '/cinema/staff/audit/', label: '操作记录', need: 'operator' },
];

/** The console's views the signed-in role may open (the routes still refuse the rest). */
export function StaffNav({ role }: { role: StaffRole }) {
  const here = typeof location === 'undefined' ? '' : location.pathname;
  return (
    <nav class="staff-nav no-print" aria-label="影院后台">
      <ul>
        {VIEWS.filter((view) => roleAtLeast(role, view.need)).map((view) => (
          <li key={view.href}>
            <a href={view.href} aria-current={here === view.href ? 'page' : undefined}>
              {view.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
