import { describe, expect, it } from 'vitest';
import { auditQuery } from '../../src/cinema/audit-filter';

describe('auditQuery', () => {
  it('leaves blank filters out', () => {
    expect(auditQuery({ action: '', actor: '  ', screening: '' })).toBe('');
  });
  it('trims the filters and lower-cases the username, as usernames are stored', () => {
    expect(auditQuery({ action: ' token_revoke ', actor: 'Wang.Li', screening: '' })).toBe('?action=token_revoke&actor=wang.li');
  });
  it('adds the page and encodes what it is given', () => {
    expect(auditQuery({ action: '', actor: '', screening: '2026-12 厂' }, { before: 42, limit: 50 })).toBe(`?screening=2026-12+${encodeURIComponent('厂')}&before=42&limit=50`);
  });
});
