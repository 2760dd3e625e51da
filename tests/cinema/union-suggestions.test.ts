import { describe, expect, it } from 'vitest';
import { unionSuggestions } from '../../src/cinema/union-suggestions';

describe('unionSuggestions', () => {
  const earlier = ['车务段工会', '机务段工会', '机务段工会', '工务段工会', '机务段工会', '车务段工会'];

  it('lists earlier unions most booked first, once each', () => {
    expect(unionSuggestions(earlier, '')).toEqual(['机务段工会', '车务段工会', '工务段工会']);
  });

  it('keeps the names containing what was typed, not the exact name itself', () => {
    expect(unionSuggestions(earlier, '务段')).toEqual(['机务段工会', '车务段工会', '工务段工会']);
    expect(unionSuggestions(earlier, '车')).toEqual(['车务段工会']);
    expect(unionSuggestions(earlier, '车务段工会')).toEqual([]);
  });

  it('stops at the limit', () => {
    expect(unionSuggestions(earlier, '', 1)).toEqual(['机务段工会']);
  });
});
