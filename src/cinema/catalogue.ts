import { formatShanghaiTime } from './countdown.ts';
import { DEFAULT_CHANGEOVER_MINUTES, type Hall } from './hall-schema.ts';
import { lotteryDrawTime } from './lottery-draw-time.ts';
import { closeTime, releaseTime } from './release-window.ts';
import { CINEMA_RULES, type CinemaRules } from './rules.ts';
import type { ScreeningSource } from './screening-schema.ts';

/** A screening as the Worker and the pages see it: times resolved by the release rules, hall attached. */
export interface CatalogueScreening {
  /** The id written in the screening's file (not its file name): the Durable Object's name. */
  id: string;
  film: ScreeningSource['film'];
  hallId: string;
  hall: Hall;
  startsAt: string;
  releaseAt: string;
  closesAt: string;
  allocation: ScreeningSource['allocation'];
  /** Lottery screenings only: when entries close and the object draws. */
  drawAt?: string;
  booking?: { union: string };
}

export interface Catalogue {
  screenings: CatalogueScreening[];
}

export interface CatalogueProblem {
  /** The screening's file, as the caller named it (the key in `screenings`). */
  file: string;
  /** The field the problem is about, so a checker can name its line. */
  field: 'id' | 'hall' | 'startsAt' | 'releaseAt' | 'allocation' | 'drawAt';
  message: string;
  fix: string;
}

const at = (date: Date) => formatShanghaiTime(date.toISOString());

/**
 * Resolves screenings against halls and the release rules, soonest first. `screenings` is keyed by file,
 * as messages should name it. Problems (an unknown hall, a release after closing, an id used twice, two
 * screenings in one hall at once) are returned, not thrown, so the build can report every one at once.
 */
export function buildCatalogue(
  halls: Record<string, Hall>,
  screenings: Record<string, ScreeningSource>,
  rules: CinemaRules = CINEMA_RULES,
): { catalogue: Catalogue; problems: CatalogueProblem[] } {
  const problems: CatalogueProblem[] = [];
  const resolved: (CatalogueScreening & { file: string; endsAt: Date })[] = [];
  const fileById = new Map<string, string>();
  for (const [file, source] of Object.entries(screenings)) {
    const first = fileById.get(source.id);
    if (first) {
      problems.push({
        file,
        field: 'id',
        message: `id“${source.id}”和 ${first} 的相同：两场会共用同一套座位和电子票`,
        fix: '给新加的那一场换一个 id；已经放票的那一场不要改',
      });
    } else {
      fileById.set(source.id, file);
    }
    const hall = halls[source.hall];
    if (!hall) {
      problems.push({
        file,
        field: 'hall',
        message: `未知的影厅“${source.hall}”，可用的有：${Object.keys(halls).join('、')}`,
        fix: '写 content/halls/ 里的文件名（不带 .yaml）',
      });
      continue;
    }
    const releaseAt = source.releaseAt ?? releaseTime(source.startsAt, rules);
    const closesAt = closeTime(source.startsAt, rules);
    if (releaseAt >= closesAt) {
      problems.push({
        file,
        field: source.releaseAt ? 'releaseAt' : 'startsAt',
        message: `放票时间 ${at(releaseAt)} 不早于停止领票时间 ${at(closesAt)}`,
        fix: `放票要在开场前 ${rules.closeBeforeMinutes} 分钟停止领票之前：把 releaseAt 提前，或者删掉它按规则放票`,
      });
      continue;
    }
    const draw = lotteryDraw(file, source, releaseAt, closesAt, rules);
    if ('problem' in draw) {
      problems.push(draw.problem);
      continue;
    }
    const changeover = hall.changeoverMinutes ?? DEFAULT_CHANGEOVER_MINUTES;
    resolved.push({
      file,
      endsAt: new Date(source.startsAt.getTime() + (source.film.runtimeMinutes + changeover) * 60_000),
      id: source.id,
      film: source.film,
      hallId: source.hall,
      hall,
      startsAt: source.startsAt.toISOString(),
      releaseAt: releaseAt.toISOString(),
      closesAt: closesAt.toISOString(),
      allocation: source.allocation,
      ...(draw.drawAt ? { drawAt: draw.drawAt.toISOString() } : {}),
      ...(source.booking ? { booking: source.booking } : {}),
    });
  }
  resolved.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id));
  problems.push(...hallOverlaps(resolved));
  return { catalogue: { screenings: resolved.map(({ file: _file, endsAt: _endsAt, ...screening }) => screening) }, problems };
}

/**
 * A lottery's draw time: the file's `drawAt` or the rule's, strictly between the release (entries open)
 * and the close (the winners need time to come). `drawAt` on a first-come screening, and a lottery on a
 * screening a union has booked whole, are mistakes an editor should hear about rather than be ignored.
 */
function lotteryDraw(
  file: string,
  source: ScreeningSource,
  releaseAt: Date,
  closesAt: Date,
  rules: CinemaRules,
): { drawAt?: Date } | { problem: CatalogueProblem } {
  if (source.allocation === 'first-come') {
    if (!source.drawAt) return {};
    return { problem: { file, field: 'drawAt', message: '先到先得的场次没有抽签，drawAt 不起作用', fix: '删掉 drawAt，或者写 allocation: lottery 改成抽签' } };
  }
  if (source.booking) {
    return { problem: { file, field: 'allocation', message: `这一场已由${source.booking.union}包场，不对个人放票，不能抽签`, fix: '删掉 allocation: lottery，或者删掉 booking' } };
  }
  const drawAt = source.drawAt ?? lotteryDrawTime(releaseAt, rules);
  if (drawAt <= releaseAt || drawAt >= closesAt) {
    return {
      problem: {
        file,
        field: source.drawAt ? 'drawAt' : 'allocation',
        message: `抽签时间 ${at(drawAt)} 要在放票 ${at(releaseAt)} 之后、停止领票 ${at(closesAt)} 之前`,
        fix: source.drawAt ? '把 drawAt 改到这两个时间之间' : '写一个 drawAt，放在这两个时间之间；或者改回先到先得',
      },
    };
  }
  return { drawAt };
}

/**
 * A hall holds one screening at a time: from its start to the end of the film plus the hall's changeover.
 * Each screening that starts before an earlier one in its hall has ended is reported, naming that one.
 * `sorted` is in order of start.
 */
function hallOverlaps(sorted: readonly (CatalogueScreening & { file: string; endsAt: Date })[]): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  sorted.forEach((later, index) => {
    const start = Date.parse(later.startsAt);
    const earlier = sorted.slice(0, index).find((other) => other.hallId === later.hallId && other.endsAt.getTime() > start);
    if (!earlier) return;
    const changeover = earlier.hall.changeoverMinutes ?? DEFAULT_CHANGEOVER_MINUTES;
    problems.push({
      file: later.file,
      field: 'startsAt',
      message:
        `和 ${earlier.file} 在同一影厅“${earlier.hall.name}”时间重叠：那一场 ${at(new Date(earlier.startsAt))} 开场，` +
        `片长 ${earlier.film.runtimeMinutes} 分钟加换场 ${changeover} 分钟，${at(earlier.endsAt)} 才空出来`,
      fix: `把其中一场改到 ${at(earlier.endsAt)} 或更晚开场，或者换一个影厅；换场时间写在影厅文件的 changeoverMinutes 里，不写就是 ${DEFAULT_CHANGEOVER_MINUTES} 分钟`,
    });
  });
  return problems;
}
