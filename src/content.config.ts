import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import path from 'node:path';
import { newsSchema } from './schemas/news-schema';
import { honoreeSchema, honorTotalSchema } from './schemas/honor-schema';
import { programSchema } from './schemas/program-schema';
import { stationSchema } from './schemas/station-schema';
import { storyRefSchema } from './schemas/story-ref-schema';
import { contentDir } from './data/content-dir';
import { loadVocabulary } from './data/vocabulary';
import { loadHonorNames } from './data/honor-names';
import { loadStationDistricts } from './data/station-districts';
import { storyIdsOnDisk } from './data/story-ids';
import { checkingWrittenTimes } from './data/written-times-loader';
import { renderingPlainStories } from './data/plain-stories-loader';
import { keepingStories } from './data/story-part-loader';
import { buildPart } from './data/build-part';
import { checksStory } from './build/build-part';

/**
 * A story without MDX is rendered into the content store, not bundled as a module; in a build made in
 * parts, only this part's stories are rendered or stored at all (src/data/story-part-loader.ts, BENCHMARKS §2).
 */
const news = defineCollection({
  loader: renderingPlainStories(
    keepingStories(
      buildPart,
      checkingWrittenTimes(
        glob({ pattern: '**/*.{md,mdx}', base: path.join(contentDir, 'news') }),
        (id) => checksStory(buildPart, id),
      ),
    ),
  ),
  schema: newsSchema(loadVocabulary()),
});

const storyRef = storyRefSchema(reference('news'), storyIdsOnDisk());

/** 光荣榜: one person or collective per file; the file name (pinyin) is the page's URL. */
const honors = defineCollection({
  loader: checkingWrittenTimes(glob({ pattern: '*.yaml', base: path.join(contentDir, 'honors') })),
  schema: honoreeSchema({ vocabulary: loadVocabulary(), honorNames: loadHonorNames(), storyRef }),
});

/** Aggregate honor figures a story gives without names (四川: 大国工匠 4人 …). */
const honorTotals = defineCollection({
  loader: checkingWrittenTimes(glob({ pattern: '*.yaml', base: path.join(contentDir, 'honor-totals') })),
  schema: honorTotalSchema({ vocabulary: loadVocabulary(), honorNames: loadHonorNames(), storyRef }),
});

/** 服务项目: one MDX page per program, its frontmatter the structured summary. */
const programs = defineCollection({
  loader: checkingWrittenTimes(glob({ pattern: '*.mdx', base: path.join(contentDir, 'programs') })),
  schema: programSchema({ vocabulary: loadVocabulary(), storyRef }),
});

/** 暖蜂驿站 directory; empty until a station list is published (see content/stations/README.md). */
const stations = defineCollection({
  loader: checkingWrittenTimes(glob({ pattern: '*.yaml', base: path.join(contentDir, 'stations') })),
  schema: stationSchema(loadStationDistricts()),
});

export const collections = { news, honors, honorTotals, programs, stations };
