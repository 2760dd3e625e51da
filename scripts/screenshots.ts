/**
 * npm run screenshots [-- --out DIR] [--only JOURNEY]
 *
 * Pictures of the site as its users see it, for reviewers comparing before and after (not part of
 * `npm test`). Builds nothing: run `npm run build` first. Starts `wrangler dev` on the built site with
 * fresh local state, demo members and a demo screening already released (so the cinema is open), then
 * runs every journey exported by `scripts/screenshots/*-journeys.ts` (see journey.ts) at 360×740 (a cheap
 * phone) and 768×1024 (a tablet), in light, and those a module lists in `dark` also in dark at 360.
 * Writes DIR/<viewport>[-dark]/<journey>-<nn>-<name>.png (default DIR: screenshots/, git-ignored).
 */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { registerTsExtensions } from './ts-extensions.ts';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'screenshots' }, only: { type: 'string' } } });
if (!existsSync('dist/index.html')) {
  console.error('dist/ 里没有构建好的网站：先运行 npm run build。');
  process.exit(1);
}
// The test helpers and journey modules import their siblings without extensions, as Vite allows.
registerTsExtensions();
const { startDevServer } = await import('../tests/helpers/wrangler-dev.ts');
const { launchChromium } = await import('../tests/helpers/browser.ts');
type JourneyModule = import('./screenshots/journey.ts').JourneyModule;

const VIEWPORTS = [
  { width: 360, height: 740 },
  { width: 768, height: 1024 },
];
const DEMO_MEMBERS = 20;

const folder = path.resolve('scripts/screenshots');
const modules: JourneyModule[] = [];
for (const file of readdirSync(folder).filter((name) => name.endsWith('-journeys.ts')).sort()) {
  modules.push(await import(pathToFileURL(path.join(folder, file)).href));
}
const runs = modules.flatMap(({ journeys, dark = [] }) =>
  Object.entries(journeys)
    .filter(([name]) => !values.only || name === values.only)
    .flatMap(([name, journey]) => [
      ...VIEWPORTS.map((viewport) => ({ name, journey, viewport, colorScheme: 'light' as const })),
      ...(dark.includes(name) ? [{ name, journey, viewport: VIEWPORTS[0]!, colorScheme: 'dark' as const }] : []),
    ]),
);
if (runs.length === 0) {
  console.error(values.only ? `没有叫 ${values.only} 的路线。` : 'scripts/screenshots/ 里没有 *-journeys.ts。');
  process.exit(1);
}

const out = path.resolve(values.out);
const server = await startDevServer({ members: DEMO_MEMBERS, demoReleaseInSeconds: 0 });
process.on('SIGINT', () => {
  server.stop();
  process.exit(130);
});
const browser = await launchChromium();
let failed = 0;
try {
  for (const { name, journey, viewport, colorScheme } of runs) {
    const dir = path.join(out, `${viewport.width}x${viewport.height}${colorScheme === 'dark' ? '-dark' : ''}`);
    mkdirSync(dir, { recursive: true });
    for (const old of readdirSync(dir).filter((file) => file.startsWith(`${name}-`))) rmSync(path.join(dir, old));
    const context = await browser.newContext({ viewport, colorScheme, locale: 'zh-CN', hasTouch: viewport.width < 600 });
    const page = await context.newPage();
    let step = 0;
    const shoot = async (shot: string) => {
      // Pages that poll (the cinema) never go quiet for long: a picture after a short wait is still useful.
      await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => undefined);
      step += 1;
      await page.screenshot({ path: path.join(dir, `${name}-${String(step).padStart(2, '0')}-${shot}.png`) });
    };
    try {
      await journey(page, shoot, server.baseURL);
      console.log(`${path.relative(process.cwd(), dir)}/${name}: ${step} 张`);
    } catch (error) {
      failed += 1;
      console.error(`${name}（${viewport.width}px ${colorScheme}）在第 ${step + 1} 张之前失败：`, error);
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.stop();
}
process.exit(failed > 0 ? 1 : 0);
