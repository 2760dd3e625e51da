import type { Honoree } from './honoree';
import { HONOR_FACETS } from './honor-facets';

/** Filter folders under /honors/: an honoree file may not take one of these names. */
export const RESERVED_HONOREE_IDS: readonly string[] = Object.keys(HONOR_FACETS);

const ASCII_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * What is wrong with the honoree file names, one message each: the file name is the page's URL, so it
 * must be ASCII pinyin (yao-jie.yaml) and must not shadow a filter folder (/honors/year/).
 */
export function honoreeIdProblems(honorees: readonly Pick<Honoree, 'id'>[]): string[] {
  return honorees.flatMap(({ id }) => {
    if (!ASCII_SLUG.test(id)) return [`content/honors/${id}.yaml：文件名应为小写拼音加连字符，如 yao-jie.yaml`];
    if (RESERVED_HONOREE_IDS.includes(id)) return [`content/honors/${id}.yaml：文件名“${id}”是筛选页的目录名，请换一个`];
    return [];
  });
}

/** Honorees with at least one published story: the roll shows only what published reporting supports. */
export function withPublishedStories<T extends Honoree>(honorees: readonly T[], published: ReadonlySet<string>): T[] {
  return honorees.filter((honoree) => honoree.data.stories.some((story) => published.has(story.id)));
}

/**
 * The honorees a story names (those whose records cite it), in the order the story first names them;
 * anyone the text does not spell out comes last, in the order given.
 */
export function honoreesInStory<T extends Honoree>(honorees: readonly T[], storyId: string, body = ''): T[] {
  const position = (honoree: Honoree) => {
    const at = body.indexOf(honoree.data.name);
    return at === -1 ? Number.POSITIVE_INFINITY : at;
  };
  return honorees
    .filter((honoree) => honoree.data.stories.some((story) => story.id === storyId))
    .map((honoree, index) => ({ honoree, at: position(honoree), index }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ honoree }) => honoree);
}
