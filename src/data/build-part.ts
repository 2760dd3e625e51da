import { parseBuildPart } from '../build/build-part';

/** The part of the site this `astro build` makes (src/build/build-part.ts); set by scripts/astro-build.ts. */
export const buildPart = parseBuildPart(process.env.HUIGONG_BUILD_PART);
