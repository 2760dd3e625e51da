import { describe, expect, it } from 'vitest';
import { isHarmlessBuildWarning } from '../../scripts/harmless-build-warnings.ts';

// The warning as rolldown reports it for every MDX entry (npm start, December 2026).
const headInject = {
  code: 'MODULE_LEVEL_DIRECTIVE',
  message:
    'The semantics of the module level directive "use astro:head-inject" in "content/news/changchun-gongyi-tijian.mdx?astroPropagatedAssets" may not be preserved when bundling.',
};

describe('isHarmlessBuildWarning', () => {
  it("leaves out rolldown's warning about Astro's head-inject directive in MDX entries", () => {
    expect(isHarmlessBuildWarning(headInject)).toBe(true);
  });

  it('keeps every other warning, the same code about another directive or module included', () => {
    expect(isHarmlessBuildWarning({ ...headInject, message: headInject.message.replace('astro:head-inject', 'client') })).toBe(false);
    expect(isHarmlessBuildWarning({ ...headInject, message: headInject.message.replace('?astroPropagatedAssets', '') })).toBe(false);
    expect(isHarmlessBuildWarning({ ...headInject, code: 'EVAL' })).toBe(false);
    expect(isHarmlessBuildWarning({ code: 'CIRCULAR_DEPENDENCY', message: 'Circular dependency: a.ts -> b.ts -> a.ts' })).toBe(false);
    expect(isHarmlessBuildWarning({ message: headInject.message })).toBe(false);
  });
});
