import { describe, expect, it } from 'vitest';
import { SITE } from '../../src/config';
import { ICP_REGISTRY, ownerLines } from '../../src/layouts/owner-lines';

describe('ownerLines', () => {
  it('prints 主办单位, a dialable 联系电话 and the ICP备案号 linked to the registry, in that order', () => {
    expect(ownerLines({ icp: '川ICP备12345678号-1', phone: '028-1234 5678', organizer: '某某市总工会' })).toEqual([
      { label: '主办单位', text: '某某市总工会' },
      { label: '联系电话', text: '028-1234 5678', href: 'tel:02812345678' },
      { text: '川ICP备12345678号-1', href: ICP_REGISTRY },
    ]);
  });

  it('leaves out what is unset or blank', () => {
    expect(ownerLines({ organizer: '  ', phone: '12351' })).toEqual([{ label: '联系电话', text: '12351', href: 'tel:12351' }]);
    expect(ownerLines({})).toEqual([]);
  });

  it('has nothing set in the repository: whoever deploys fills it in, nothing is invented', () => {
    expect(SITE.owner).toEqual({});
  });
});
