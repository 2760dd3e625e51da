import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { excerptParts } from '../../src/search/excerpt-parts';
import { markTerms } from '../../src/search/result-snippet';

describe('excerptParts', () => {
  it('splits an excerpt into text and marked text, unescaped', () => {
    expect(excerptParts('…<mark>惠工影院</mark>&#60;免费&#62; &amp; &quot;好&quot;')).toEqual([
      { text: '…', marked: false },
      { text: '惠工影院', marked: true },
      { text: '<免费> & "好"', marked: false },
    ]);
  });

  it('gives back the text and marks that markTerms put in', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'惠工影院劳模 <>&"\'#;0x'.split('')) }), fc.constantFrom([], ['影院'], ['劳模', '工']), (text, terms) => {
        const parts = excerptParts(markTerms(text, terms));
        expect(parts.map((part) => part.text).join('')).toBe(text);
        for (const part of parts.filter((part) => part.marked)) expect(terms).toContain(part.text);
      }),
      { numRuns: 2_000 },
    );
  });

  it('takes any other markup for text', () => {
    expect(excerptParts('<img src=x onerror=alert(1)><b>粗</b>')).toEqual([{ text: '<img src=x onerror=alert(1)><b>粗</b>', marked: false }]);
  });

  it('leaves what is not an entity it knows as written', () => {
    expect(excerptParts('&nbsp; &#0; &#x110000; &')).toEqual([{ text: '&nbsp; &#0; &#x110000; &', marked: false }]);
  });
});
