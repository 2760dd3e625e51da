/** The HTTP benches' own content folder and catalogue: one hall, one screening per round. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beijingIso } from '../../scripts/content-templates.ts';
import { ROOT, childEnv } from './env.ts';

/** A hall `id` of `rows` rows of `perRow` seats, aisles after seats 5 and 15. */
export function writeHall(contentDir: string, id: string, rows: number, perRow: number): void {
  mkdirSync(path.join(contentDir, 'halls'), { recursive: true });
  writeFileSync(
    path.join(contentDir, 'halls', `${id}.yaml`),
    ['name: 压测影厅', 'venue: 本地压测', 'rows:', ...Array.from({ length: rows }, (_, i) => `  - { row: ${i + 1}, seats: ${perRow}, aisleAfter: [5, 15] }`)].join('\n') + '\n',
  );
}

export interface BenchScreening {
  id: string;
  hall: string;
  startsAt: number;
  releaseAt: number;
  /** A lottery screening's draw time; without it the screening is first-come. */
  drawAt?: number;
}

/**
 * Replaces the content folder's screenings with this one and builds the catalogue the Worker imports
 * into `catalogue`. Times are whole seconds (screening files give them to the second, in Beijing time).
 */
export function writeScreeningCatalogue(contentDir: string, catalogue: string, s: BenchScreening): void {
  rmSync(path.join(contentDir, 'screenings'), { recursive: true, force: true });
  mkdirSync(path.join(contentDir, 'screenings'));
  const time = (ms: number) => beijingIso(new Date(ms));
  writeFileSync(
    path.join(contentDir, 'screenings', `${s.id}.yaml`),
    [
      `id: ${s.id}`,
      'film:',
      '  title: 压测影片',
      '  synopsis: 本地压测场次。',
      '  runtimeMinutes: 100',
      '  sample: true',
      `hall: ${s.hall}`,
      `startsAt: ${time(s.startsAt)}`,
      `releaseAt: ${time(s.releaseAt)}`,
      ...(s.drawAt === undefined ? [] : ['allocation: lottery', `drawAt: ${time(s.drawAt)}`]),
    ].join('\n') + '\n',
  );
  const built = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'node'), ['scripts/build-catalogue.ts'], {
    cwd: ROOT,
    env: childEnv({ HUIGONG_CONTENT_DIR: contentDir, HUIGONG_CATALOGUE: catalogue }),
    encoding: 'utf8',
  });
  if (built.status !== 0) throw new Error(`build-catalogue failed:\n${built.stdout}\n${built.stderr}`);
}
