/**
 * Validates content/halls and content/screenings and writes the cinema catalogue the Worker imports
 * (functions/generated/catalogue.json). Runs before every build; exits non-zero naming each bad file.
 *
 * --demo (used by `npm start` only) adds a local demo screening whose seats are released now, so the
 * claim flow can be tried on any day; --demo-release-in SECONDS releases it that many seconds later.
 * --demo-lottery-draw-in SECONDS adds a local demo lottery screening, `demo-lottery`: entries open now,
 * drawn that many seconds later (the browser test enters it and sees the result without a reload).
 * --smoke (used by `npm run deploy:staging`) adds the smoke test's screening, `smoke-<build time>`:
 * released at once, starting in 30 days, new with every build so each deploy's smoke runs get an empty hall.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildCatalogue } from '../src/cinema/catalogue.ts';
import { hallSchema } from '../src/cinema/hall-schema.ts';
import { screeningSchema, type ScreeningSource } from '../src/cinema/screening-schema.ts';
import { formatProblem, sortProblems } from '../src/content-check/problem.ts';
import { loadYamlDir } from './load-yaml-dir.ts';

const contentDir = path.resolve(process.env.HUIGONG_CONTENT_DIR ?? 'content');
const output = path.resolve(process.env.HUIGONG_CATALOGUE ?? 'functions/generated/catalogue.json');

const { values } = parseArgs({
  options: {
    demo: { type: 'boolean', default: false },
    'demo-release-in': { type: 'string' },
    'demo-lottery-draw-in': { type: 'string' },
    smoke: { type: 'boolean', default: false },
  },
});

const halls = loadYamlDir(path.join(contentDir, 'halls'), hallSchema);
const hallsById = Object.fromEntries(halls.entries.map(({ id, data }) => [id, data]));
// Every hall file counts as known, so a screening in a hall with problems of its own is not reported twice.
const screenings = loadYamlDir(path.join(contentDir, 'screenings'), screeningSchema(halls.ids));
const { catalogue, problems } = buildCatalogue(hallsById, Object.fromEntries(screenings.entries.map(({ file, data }) => [file, data])));
// The demo and smoke screenings are resolved on their own: they may fall on a real screening's evening,
// and they are not bookings of the hall.
const extraHall = halls.entries[0]?.id;
const extras: Record<string, ScreeningSource> = {};
if ((values.demo || values['demo-release-in']) && extraHall) Object.assign(extras, demoScreening(extraHall, Number(values['demo-release-in'] ?? 0) * 1000));
if (values['demo-lottery-draw-in'] && extraHall) Object.assign(extras, demoLotteryScreening(extraHall, Number(values['demo-lottery-draw-in']) * 1000));
if (values.smoke && extraHall) Object.assign(extras, smokeScreening(extraHall));
if (Object.keys(extras).length > 0) {
  catalogue.screenings.push(...buildCatalogue(hallsById, extras).catalogue.screenings);
  catalogue.screenings.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}
const lineOf = (file: string, field: string) => screenings.entries.find((entry) => entry.file === file)?.lineAt([field]);
const all = sortProblems([
  ...halls.problems,
  ...screenings.problems,
  ...problems.map(({ file, field, message, fix }) => ({ file, line: lineOf(file, field), message, fix })),
]);

if (all.length > 0) {
  for (const problem of all) console.error(formatProblem(problem));
  console.error(`影院排片有 ${all.length} 处错误，未生成 ${path.relative(process.cwd(), output)}`);
  process.exit(1);
}

mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(catalogue, null, 1)}\n`);
console.log(`cinema catalogue: ${catalogue.screenings.length} screenings → ${path.relative(process.cwd(), output)}`);

/** A local demo screening: starts in about four hours, seats released `releaseInMs` from now. */
function demoScreening(hall: string, releaseInMs: number): Record<string, ScreeningSource> {
  const now = Date.now();
  const startsAt = new Date(Math.ceil((now + 4 * 3_600_000) / 3_600_000) * 3_600_000);
  return {
    'demo-local': {
      id: 'demo-local',
      film: {
        title: '演示影片（本地演示场次）',
        synopsis: '仅在本地 npm start 时出现的演示场次，用来随时试用领票、退票和检票。',
        runtimeMinutes: 100,
        sample: true,
      },
      hall,
      startsAt,
      allocation: 'first-come',
      releaseAt: new Date(now + releaseInMs - (releaseInMs === 0 ? 60_000 : 0)),
    },
  };
}

/** A local demo lottery: starts in about five hours (not at the demo screening's time), entries open now, drawn `drawInMs` from now. */
function demoLotteryScreening(hall: string, drawInMs: number): Record<string, ScreeningSource> {
  const now = Date.now();
  return {
    'demo-lottery': {
      id: 'demo-lottery',
      film: { title: '演示影片（抽签场次）', synopsis: '仅在本地出现的演示抽签场次，用来试用报名、抽签和查看结果。', runtimeMinutes: 90, sample: true },
      hall,
      startsAt: new Date(Math.ceil((now + 5 * 3_600_000) / 3_600_000) * 3_600_000 + 30 * 60_000),
      allocation: 'lottery',
      releaseAt: new Date(now - 60_000),
      drawAt: new Date(now + drawInMs),
    },
  };
}

/** The smoke test's screening (scripts/smoke.ts finds it by its `smoke-` prefix): open now, for 30 days. */
function smokeScreening(hall: string): Record<string, ScreeningSource> {
  const now = new Date();
  const id = `smoke-${now.toISOString().slice(0, 16).replace(/\D/g, '')}`;
  return {
    [id]: {
      id,
      film: {
        title: '冒烟测试场次（仅测试环境）',
        synopsis: '部署到测试环境时加入的场次，npm run smoke 在这里领票、退票和检票。正式环境没有这一场。',
        runtimeMinutes: 90,
        sample: true,
      },
      hall,
      startsAt: new Date(Math.ceil((now.getTime() + 30 * 86_400_000) / 3_600_000) * 3_600_000),
      allocation: 'first-come',
      releaseAt: new Date(now.getTime() - 60_000),
    },
  };
}
