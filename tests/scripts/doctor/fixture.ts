import { readFileSync } from 'node:fs';
import type { Finding } from '../../../scripts/doctor/finding';
import { parseWranglerToml, type WranglerConfig } from '../../../scripts/doctor/wrangler-config';

/** A wrangler.toml from tests/fixtures/doctor. */
export const fixtureConfig = (name: string): WranglerConfig => parseWranglerToml(readFileSync(`tests/fixtures/doctor/${name}.toml`, 'utf8'));

/** The problems only, as `[env] message`, so a test reads what an operator would see. */
export const problems = (findings: Finding[]) => findings.filter((f) => !f.ok).map((f) => `[${f.env ?? 'top'}] ${f.message}`);
