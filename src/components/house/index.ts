import Dateline from './Dateline.astro';
import Figure from './Figure.astro';
import Honoree from './Honoree.astro';
import KeyFigure from './KeyFigure.astro';
import KeyFigures from './KeyFigures.astro';
import ProgramCard from './ProgramCard.astro';
import PullQuote from './PullQuote.astro';
import ReadingHint from './ReadingHint.astro';
import RelatedStory from './RelatedStory.astro';

/**
 * The house components editors may use in MDX without an import line: pages pass this map to
 * `<Content components={houseComponents} />`, and MDX resolves a tag it does not define from it.
 * Keep the names in step with src/content-check/house-components.ts (a test compares them).
 */
export const houseComponents = {
  Dateline,
  Figure,
  Honoree,
  KeyFigure,
  KeyFigures,
  ProgramCard,
  PullQuote,
  ReadingHint,
  RelatedStory,
};
