import { drawOrder, walkDraw, type LotteryEntry } from './lottery-draw.ts';
import { seedCommitment } from './noon-queue.ts';
import { CINEMA_RULES } from './rules.ts';

/** What GET /api/screenings/:id/draw publishes (docs/api.md, PublishedDraw), as far as checking needs it. */
export interface PublishedDrawInput {
  screeningId?: string;
  state?: string;
  commitment?: string;
  seed?: string;
  seatsOffered?: number;
  entries?: LotteryEntry[];
  order?: string[];
  winners?: string[];
  passedOver?: string[];
  /** Entrants left out of the walk (members suspended when the draw ran); absent from older draws. */
  excluded?: string[];
}

/** One check, said in Chinese for the member who runs it. */
export interface DrawCheck {
  ok: boolean;
  line: string;
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Recomputes a published draw from what it publishes alone (the verify script and the rules page): the seed
 * against the commitment made when entries opened, the order from seed and entries, and the winners from
 * the order, the seats offered and the pairs passed over for want of two seats together.
 */
export async function verifyDraw(draw: PublishedDrawInput): Promise<{ ok: boolean; checks: DrawCheck[] }> {
  const { seed, commitment, entries, order, winners, seatsOffered } = draw;
  if (draw.state !== 'drawn' || !seed || !entries || !order || !winners || seatsOffered === undefined) {
    return { ok: false, checks: [{ ok: false, line: '还没有开奖：开奖后才公布种子和报名名单，才能核对' }] };
  }
  const checks: DrawCheck[] = [];
  const committed = commitment !== undefined && (await seedCommitment(seed)) === commitment;
  checks.push({
    ok: committed,
    line: committed ? `种子与报名开始时公布的承诺值一致（SHA-256 = ${commitment}）` : `种子与承诺值不一致：SHA-256(种子) 不是 ${commitment ?? '（未公布承诺值）'}`,
  });
  // A draw recomputed faithfully from entries the rules forbid (a favoured weight of 1,000, seats 0 that win
  // without a seat) is still not fair; refusing them first also keeps hostile weights from the exact bigint compare.
  const maxWeight = CINEMA_RULES.lottery.maxWeight;
  const outOfRules = Array.isArray(entries)
    ? entries.filter((entry) => !(Number.isInteger(entry?.weight) && entry.weight >= 1 && entry.weight <= maxWeight && (entry.seats === 1 || entry.seats === 2)))
    : undefined;
  if (!outOfRules || outOfRules.length > 0) {
    const named = outOfRules?.slice(0, 3).map((entry) => entry?.entrant).join('、');
    checks.push({ ok: false, line: `报名名单不合规则：每份报名的权重须为 1 到 ${maxWeight} 的整数，人数须为 1 或 2${named ? `（如 ${named}）` : ''}` });
    return { ok: false, checks };
  }
  let recomputed: LotteryEntry[];
  try {
    recomputed = await drawOrder(seed, entries);
  } catch (error) {
    checks.push({ ok: false, line: `报名名单无法计算：${error instanceof Error ? error.message : String(error)}` });
    return { ok: false, checks };
  }
  const orderMatches = same(recomputed.map((entry) => entry.entrant), order);
  checks.push({ ok: orderMatches, line: orderMatches ? `抽签顺序一致（${entries.length} 份报名）` : '抽签顺序不一致：按种子和名单算出的顺序与公布的不同' });
  // Entrants left out (suspended at the draw) must be entries; the seats are walked over the order without them.
  const excluded = new Set(draw.excluded ?? []);
  if (excluded.size > 0) {
    const known = [...excluded].every((entrant) => entries.some((entry) => entry.entrant === entrant));
    checks.push({
      ok: known,
      line: known ? `${excluded.size} 份报名因报名人开奖时被暂停领票（爽约）未参加抽签，发座位时跳过` : '未参加抽签的名单有误：其中有不在报名名单里的报名号',
    });
  }
  const passedOver = new Set(draw.passedOver ?? []);
  const walk = walkDraw(
    recomputed.filter((entry) => !excluded.has(entry.entrant)),
    seatsOffered,
    (entry) => !passedOver.has(entry.entrant),
  );
  const winnersMatch = same(walk.winners, winners);
  checks.push({
    ok: winnersMatch,
    line: winnersMatch ? `中签名单一致（${seatsOffered} 个座位，${winners.length} 份报名中签）` : '中签名单不一致：按顺序和座位数算出的中签者与公布的不同',
  });
  // Every pair said to be passed over must have been one the seats could take by count: no one else may be left out.
  const passedOverMatches = same(walk.passedOver, [...passedOver]) && walk.passedOver.every((entrant) => entries.find((entry) => entry.entrant === entrant)?.seats === 2);
  if (passedOver.size > 0 || !passedOverMatches) {
    checks.push({
      ok: passedOverMatches,
      line: passedOverMatches
        ? `${passedOver.size} 对同伴报名因没有相邻的两个座位而轮空（按顺序轮到时座位数够）`
        : '轮空名单有误：只有按顺序轮到时座位数够、却没有相邻两个座位的两人报名可以轮空',
    });
  }
  return { ok: checks.every((check) => check.ok), checks };
}
