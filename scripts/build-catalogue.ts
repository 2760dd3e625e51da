/**
 * Validates content/halls and content/screenings and writes the cinema catalogue the Worker imports
 * (functions/generated/catalogue.json). Runs before every build; exits non-zero naming each bad file.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildCatalogue } from '../src/cinema/catalogue.ts';
import { hallSchema } from '../src/cinema/hall-schema.ts';
import { screeningSchema } from '../src/cinema/screening-schema.ts';
import { loadYamlDir } from './load-yaml-dir.ts';

const contentDir = path.resolve(process.env.HUIGONG_CONTENT_DIR ?? 'content');
const output = path.resolve(process.env.HUIGONG_CATALOGUE ?? 'functions/generated/catalogue.json');

const halls = loadYamlDir(path.join(contentDir, 'halls'), hallSchema);
const screenings = loadYamlDir(path.join(contentDir, 'screenings'), screeningSchema);
const { catalogue, problems } = buildCatalogue(halls.entries, screenings.entries);
const all = [
  ...halls.problems,
  ...screenings.problems,
  ...problems.map((p) => ({ file: path.join(contentDir, 'screenings', `${p.screening}.yaml`), message: p.message })),
];

if (all.length > 0) {
  for (const problem of all) console.error(`${path.relative(process.cwd(), problem.file)}: ${problem.message}`);
  console.error(`影院排片有 ${all.length} 处错误，未生成 ${path.relative(process.cwd(), output)}`);
  process.exit(1);
}

mkdirSync(path.dirname(output), { recursive: true });
writeFileSync(output, `${JSON.stringify(catalogue, null, 1)}\n`);
console.log(`cinema catalogue: ${catalogue.screenings.length} screenings → ${path.relative(process.cwd(), output)}`);
