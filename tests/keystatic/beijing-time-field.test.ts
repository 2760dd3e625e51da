import { describe, expect, it } from 'vitest';
import { beijingText, beijingTimeField } from '../../src/keystatic/beijing-time-field';

describe('beijingTimeField', () => {
  const field = beijingTimeField({ label: '开场时间', isRequired: true });

  it('shows a YAML timestamp (a Date) as the Beijing time it was written as, and stores it as text', () => {
    const parsed = field.parse(new Date('2026-12-02T18:30:00+08:00'), undefined);
    expect(parsed).toBe('2026-12-02T18:30:00+08:00');
    expect(field.serialize(parsed)).toEqual({ value: '2026-12-02T18:30:00+08:00' });
  });

  it('refuses a time without its zone, and an empty required time; allows an empty optional one', () => {
    expect(() => field.validate('2026-12-02 18:30', undefined)).toThrow(/北京时间/);
    expect(() => field.validate('', undefined)).toThrow();
    expect(beijingTimeField({ label: '放票时间' }).validate('', undefined)).toBe('');
  });
});

describe('beijingText', () => {
  it('writes the day as it is in Beijing, past midnight UTC', () => {
    expect(beijingText(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T04:00:00+08:00');
  });
});
