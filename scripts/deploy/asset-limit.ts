/**
 * Cloudflare Workers static assets: at most this many files per Worker version (2026). Past it,
 * `wrangler deploy` refuses the whole upload; the build stops first (scripts/check-asset-count.ts) and
 * warns from 80 %, so the archive's growth is seen a season ahead. README › The archive and Cloudflare's
 * file limit says what to do past it.
 */
export const ASSET_FILE_LIMITS = { free: 20_000, paid: 100_000 } as const;
export type WorkersPlan = keyof typeof ASSET_FILE_LIMITS;

const WARN_SHARE = 0.8;

/** The plan from WORKERS_PLAN: free unless set (the smaller limit, so a wrong guess fails early, not at deploy). */
export function workersPlan(value: string | undefined): WorkersPlan {
  if (value === undefined || value === '') return 'free';
  if (value in ASSET_FILE_LIMITS) return value as WorkersPlan;
  throw new Error(`WORKERS_PLAN=${value}：只能是 ${Object.keys(ASSET_FILE_LIMITS).join(' 或 ')}`);
}

/** Whether a file of the built site (its path inside dist/, with /) is uploaded: wrangler leaves these root files out. */
export function countsAsAsset(relativePath: string): boolean {
  return !['_headers', '_redirects', '.assetsignore'].includes(relativePath);
}

export function assetCountVerdict(files: number, plan: WorkersPlan): { ok: boolean; message: string } {
  const limit = ASSET_FILE_LIMITS[plan];
  const share = `${files} 个文件，Cloudflare ${plan === 'free' ? '免费版' : '付费版'}每个版本最多 ${limit} 个（${Math.round((files / limit) * 100)}%）`;
  if (files > limit) {
    const next = plan === 'free' ? '账号是付费版（Workers Paid）就设 WORKERS_PLAN=paid 再构建；否则' : '';
    return { ok: false, message: `构建出 ${share}，超出上限，wrangler deploy 会整个被拒。${next}按 README「新闻归档与 Cloudflare 的文件数上限」减少文件` };
  }
  if (files >= limit * WARN_SHARE) return { ok: true, message: `注意：构建出 ${share}，已接近上限；见 README「新闻归档与 Cloudflare 的文件数上限」` };
  return { ok: true, message: `构建出 ${share}` };
}
