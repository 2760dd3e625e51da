import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWranglerToml, resolveEnvironment } from '../../../scripts/doctor/wrangler-config';
import { fixtureConfig } from './fixture';

describe('resolveEnvironment', () => {
  it('inherits the date and the migrations but not the bindings, as wrangler does', () => {
    const staging = resolveEnvironment(fixtureConfig('bindings-not-repeated'), 'staging');
    expect(staging.name).toBe('huigong-staging');
    expect(staging.compatibilityDate).toBe('2026-08-01');
    expect(staging.migrations.map((m) => m.tag)).toEqual(['v1']);
    expect(staging.kvNamespaces).toEqual([]);
    expect(staging.durableObjects).toEqual([]);
    expect(staging.rateLimits).toEqual([]);
    expect(staging.vars).toEqual({ SITE_URL: 'https://staging.union.cn' });
  });

  it('keeps an environment its own name and bindings', () => {
    const production = resolveEnvironment(fixtureConfig('ready'), 'production');
    expect(production.name).toBe('huigong');
    expect(production.kvNamespaces).toEqual([{ binding: 'SEATS', id: 'fedcba9876543210fedcba9876543210' }]);
    expect(production.durableObjects.map((b) => b.class_name)).toEqual(['ScreeningObject', 'SignInThrottle']);
  });

  it('refuses an environment the file does not have', () => {
    expect(() => resolveEnvironment(fixtureConfig('ready'), 'preview')).toThrow('[env.preview]');
  });
});

describe('parseWranglerToml', () => {
  it("reads the project's own wrangler.toml with both environments", () => {
    const config = parseWranglerToml(readFileSync('wrangler.toml', 'utf8'));
    expect(Object.keys(config.env)).toEqual(['staging', 'production']);
  });

  it('shows where a syntax error is', () => {
    expect(() => parseWranglerToml('name = "huigong"\n[env.staging\n')).toThrow(/Invalid TOML[\s\S]*2: {2}\[env\.staging/);
  });
});
