import { describe, expect, it } from 'vitest';
import { pickerPath, screeningInPath } from '../../src/cinema/picker-url';

describe('pickerPath and screeningInPath', () => {
  it('name a screening in the cinema page address, and read it back', () => {
    expect(pickerPath('2026-12-04-1830')).toBe('/cinema/?screening=2026-12-04-1830');
    expect(screeningInPath('?screening=2026-12-04-1830')).toBe('2026-12-04-1830');
  });

  it('read the screening from a link WeChat has added its own parameters to', () => {
    expect(screeningInPath('?screening=demo-local&from=singlemessage&isappinstalled=0')).toBe('demo-local');
  });

  it('find no screening in the plain list address or an empty parameter', () => {
    expect(screeningInPath('')).toBeUndefined();
    expect(screeningInPath('?screening=')).toBeUndefined();
    expect(screeningInPath('?from=timeline')).toBeUndefined();
  });
});
