import { describe, expect, it } from 'vitest';
import { generatePassword } from '../../src/cinema/staff-password';
import { roleAtLeast, STAFF_ROLES, staffUsernameSchema } from '../../src/cinema/staff-roles';

describe('staff roles', () => {
  it('gives each role the rights of the roles below it and none above', () => {
    expect(STAFF_ROLES.flatMap((held) => STAFF_ROLES.filter((needed) => roleAtLeast(held, needed)).map((needed) => `${held}≥${needed}`))).toEqual([
      'door≥door',
      'operator≥door',
      'operator≥operator',
      'admin≥door',
      'admin≥operator',
      'admin≥admin',
    ]);
  });

  it('keeps usernames lower-case and refuses what a keyboard mode switch or a shell would mangle', () => {
    expect(staffUsernameSchema.parse(' Wang.Li ')).toBe('wang.li');
    for (const bad of ['a', '-wang', '王丽', 'wang li', 'x'.repeat(33)]) expect(staffUsernameSchema.safeParse(bad).success).toBe(false);
  });
});

describe('generated staff passwords', () => {
  it('are 16 unambiguous characters, different every time', () => {
    const passwords = Array.from({ length: 50 }, () => generatePassword());
    for (const password of passwords) expect(password).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
    expect(new Set(passwords).size).toBe(50);
  });
});
