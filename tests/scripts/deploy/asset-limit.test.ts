import { describe, expect, it } from 'vitest';
import { ASSET_FILE_LIMITS, assetCountVerdict, countsAsAsset, workersPlan } from '../../../scripts/deploy/asset-limit';

describe('the static asset file limit (npm run build:site fails before wrangler deploy would)', () => {
  it('knows Cloudflare’s limits per Worker version', () => {
    expect(ASSET_FILE_LIMITS).toEqual({ free: 20_000, paid: 100_000 });
  });

  it('counts what wrangler uploads: not the root _headers, _redirects or .assetsignore', () => {
    expect(countsAsAsset('_headers')).toBe(false);
    expect(countsAsAsset('_redirects')).toBe(false);
    expect(countsAsAsset('.assetsignore')).toBe(false);
    expect(countsAsAsset('news/a/index.html')).toBe(true);
    expect(countsAsAsset('_astro/search.B1x2.js')).toBe(true);
    expect(countsAsAsset('cinema/_headers')).toBe(true);
  });

  it('passes a build under the plan’s limit and fails one over it, saying how many and what to do', () => {
    expect(assetCountVerdict(20_000, 'free')).toMatchObject({ ok: true });
    const over = assetCountVerdict(20_001, 'free');
    expect(over.ok).toBe(false);
    expect(over.message).toContain('20001');
    expect(over.message).toContain('20000');
    expect(over.message).toContain('WORKERS_PLAN=paid');
    expect(assetCountVerdict(20_001, 'paid')).toMatchObject({ ok: true });
    expect(assetCountVerdict(100_001, 'paid').ok).toBe(false);
  });

  it('warns, still passing, once a build uses 80 % of the limit', () => {
    expect(assetCountVerdict(15_999, 'free').message).not.toContain('注意');
    const near = assetCountVerdict(16_000, 'free');
    expect(near).toMatchObject({ ok: true });
    expect(near.message).toContain('注意');
  });

  it('reads the plan from WORKERS_PLAN: free unless set, and refuses an unknown one', () => {
    expect(workersPlan(undefined)).toBe('free');
    expect(workersPlan('paid')).toBe('paid');
    expect(() => workersPlan('pro')).toThrow(/WORKERS_PLAN/);
  });
});
