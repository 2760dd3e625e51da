import { formatShanghaiTime } from '../../src/cinema/countdown.ts';
import { vanishedReleasedScreenings } from '../../src/cinema/released-screenings.ts';
import { buildManifestSchema, type BuildManifest } from '../publishing/build-manifest.ts';
import type { LiveBuild } from '../publishing/live-build.ts';

export type GuardVerdict = { ok: true; message: string } | { ok: false; message: string };

/** Staging's smoke screening is new with every staging deploy (scripts/build-catalogue.ts --smoke). */
const isSmokeScreening = (id: string) => id.startsWith('smoke-');

/**
 * Whether a deploy may replace the live site: not if its catalogue (`next`, the manifest it is about to
 * ship) drops a screening the live /build.json lists as released and not over. `npm run check` compares
 * with git HEAD only, so a committed rename passes it; the live site is what holds the tickets.
 */
export function releasedScreeningsGuard({ live, next, now }: { live: LiveBuild; next: BuildManifest; now: Date }): GuardVerdict {
  if (live.status === 'missing') return { ok: true, message: '首次部署：线上还没有 /build.json，没有已放票的场次要核对' };
  const deployed = live.status === 'found' ? buildManifestSchema.safeParse(live.json) : undefined;
  if (!deployed?.success) {
    const why = live.status === 'unreadable' ? live.reason : '内容不是部署记录';
    return {
      ok: false,
      message: `读不到线上的 /build.json（${why}），无法核对已放票的场次有没有被删掉或改了 id，部署停止。先确认网站能打开、地址（wrangler.toml 的 SITE_URL）正确，再重新部署`,
    };
  }
  if (!deployed.data.screenings) return { ok: true, message: '线上的 /build.json 是旧版本，没有场次清单，这一次无法核对；部署以后就有了' };
  const vanished = vanishedReleasedScreenings({
    deployed: deployed.data.screenings.filter((screening) => !isSmokeScreening(screening.id)),
    next: (next.screenings ?? []).map((screening) => screening.id),
    now,
  });
  if (vanished.length === 0) return { ok: true, message: '已放票、未散场的场次都还在' };
  return {
    ok: false,
    message: [
      '拒绝部署：这些场次已经放票、还没散场，新的排片里却没有它们的 id（改了 id、改名时丢了 id，或者删了文件）：',
      ...vanished.map((screening) => `  ${screening.id}（${formatShanghaiTime(screening.releaseAt)} 放票，${formatShanghaiTime(screening.endsAt)} 散场）`),
      '这样部署，领到票的人会找不到电子票，同一场换了 id 就成了一场新的，座位会被重新放出。',
      '要挪动一场：保留 id，只改 startsAt（需要的话也改 releaseAt），文件名可以改；把 id 改回上面的原样再部署。',
      '这一场确实不放映了：先请影院运营人员通知领票人、处理已领的票，文件留到散场以后再删。见 docs/编辑指南.md“怎样安全地挪动一场”。',
    ].join('\n'),
  };
}
