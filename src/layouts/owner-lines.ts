import type { SiteOwner } from '../config';

/** Where an ICP备案号 links to: the registry that issued it, where a reader can look it up. */
export const ICP_REGISTRY = 'https://beian.miit.gov.cn/';

export interface OwnerLine {
  label?: string;
  text: string;
  href?: string;
}

/**
 * The footer's lines about who runs the site, in the order Chinese sites print them: 主办单位, 联系电话,
 * then the ICP备案号 linked to the registry. Unset or blank fields give no line.
 *
 * @example ownerLines({ phone: '028-1234 5678' }) // → [{ label: '联系电话', text: '028-1234 5678', href: 'tel:02812345678' }]
 */
export function ownerLines(owner: SiteOwner): OwnerLine[] {
  const lines: OwnerLine[] = [];
  const organizer = owner.organizer?.trim();
  const phone = owner.phone?.trim();
  const icp = owner.icp?.trim();
  if (organizer) lines.push({ label: '主办单位', text: organizer });
  if (phone) lines.push({ label: '联系电话', text: phone, href: `tel:${phone.replace(/[^\d+]/g, '')}` });
  if (icp) lines.push({ text: icp, href: ICP_REGISTRY });
  return lines;
}
