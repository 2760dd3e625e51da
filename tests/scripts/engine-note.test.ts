import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { engineNote } from '../../scripts/engine-note.ts';

const agent = (node: string) => `npm/11.19.1 node/${node} linux x64 workspaces/false`;

describe('engineNote', () => {
  it('explains the EBADENGINE warnings when npm ran on a Node older than the project needs', () => {
    const note = engineNote({ npmUserAgent: agent('v20.20.2'), projectNode: 'v22.23.3', required: '>=22.12.0' });
    expect(note).toContain('EBADENGINE');
    expect(note).toContain('v20.20.2');
    expect(note).toContain('v22.23.3');
  });

  it('says nothing when npm ran on a Node new enough, or when it cannot tell', () => {
    expect(engineNote({ npmUserAgent: agent('v22.12.0'), projectNode: 'v22.23.3', required: '>=22.12.0' })).toBeUndefined();
    expect(engineNote({ npmUserAgent: agent('v24.1.0'), projectNode: 'v22.23.3', required: '>=22.12.0' })).toBeUndefined();
    expect(engineNote({ npmUserAgent: '', projectNode: 'v22.23.3', required: '>=22.12.0' })).toBeUndefined();
    expect(engineNote({ npmUserAgent: agent('v20.20.2'), projectNode: 'v22.23.3', required: '^22.12.0' })).toBeUndefined();
  });

  it('compares versions by number, not as text', () => {
    expect(engineNote({ npmUserAgent: agent('v22.9.0'), projectNode: 'v22.23.3', required: '>=22.12.0' })).toBeDefined();
    expect(engineNote({ npmUserAgent: agent('v100.0.0'), projectNode: 'v22.23.3', required: '>=22.12.0' })).toBeUndefined();
  });
});

describe('package.json', () => {
  it('brings a Node that meets its own engines, and lets npm run on Node 20', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
    expect(engineNote({ npmUserAgent: agent(`v${pkg.devDependencies.node}`), projectNode: '', required: pkg.engines.node })).toBeUndefined();
    // npm checks devEngines (not engines) against the Node that runs npm: the README's Node 20.
    expect(pkg.devEngines.runtime).toEqual({ name: 'node', version: '>=20', onFail: 'error' });
    expect(pkg.scripts.postinstall).toBe('node scripts/postinstall.ts');
  });
});
