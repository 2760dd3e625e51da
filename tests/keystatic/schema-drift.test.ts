import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'astro/zod';
import { editorCollections } from '../../src/keystatic/collections';
import { editorSingletons } from '../../src/keystatic/singletons';
import { vocabularySchema } from '../../src/schemas/vocabulary-schema';
import { keystaticShape, schemaDrift, type StoredShape } from '../../src/keystatic/schema-drift';
import { readEditorVocabulary } from '../../src/keystatic/vocabulary-options';
import { newsSchema } from '../../src/schemas/news-schema';
import { honoreeSchema } from '../../src/schemas/honor-schema';
import { programSchema } from '../../src/schemas/program-schema';
import { stationDistrictsSchema, stationSchema } from '../../src/schemas/station-schema';
import { storyRefSchema, type StoryRef } from '../../src/schemas/story-ref-schema';
import { screeningSchema } from '../../src/cinema/screening-schema';
import { hallSchema } from '../../src/cinema/hall-schema';

const read = (file: string) => readFileSync(file, 'utf8');
const halls = readdirSync('content/halls').map((file) => file.replace(/\.yaml$/, ''));
const lists = readEditorVocabulary({
  vocabulary: read('content/vocabulary.yaml'),
  honorNames: read('content/honor-names.yaml'),
  districts: read('content/station-districts.yaml'),
  halls,
});
const { vocabulary, honorNames } = lists;
// Astro's reference('news') outside Astro: an id in, a reference out.
const reference = z.string().transform((id): StoryRef => ({ id, collection: 'news' })) as unknown as z.ZodType<StoryRef, string>;
const storyRef = storyRefSchema(reference, readdirSync('content/news').map((file) => file.replace(/\.mdx?$/, '')));
const editor = editorCollections(lists);
const singletons = editorSingletons();

const shapeOf = (collection: { schema: Record<string, unknown> }): StoredShape =>
  keystaticShape({ kind: 'object', fields: collection.schema as never });

const pairs = {
  news: [newsSchema(vocabulary), editor.news],
  honors: [honoreeSchema({ vocabulary, honorNames, storyRef }), editor.honors],
  programs: [programSchema({ vocabulary, storyRef }), editor.programs],
  screenings: [screeningSchema(halls), editor.screenings],
  halls: [hallSchema, editor.halls],
  stations: [stationSchema(lists.districts), editor.stations],
} as const;

describe('the editor schema and the zod schemas', () => {
  it.each(Object.keys(pairs) as (keyof typeof pairs)[])('%s: same fields, types and choices', (name) => {
    const [zod, collection] = pairs[name];
    expect(schemaDrift(zod, shapeOf(collection))).toEqual([]);
  });

  it('edits every collection the site reads from content/ except the aggregate honor totals', () => {
    expect(Object.keys(editor).sort()).toEqual(Object.keys(pairs).sort());
  });

  it('vocabulary singleton: same fields, types and choices', () => {
    expect(schemaDrift(vocabularySchema, shapeOf(singletons.vocabulary))).toEqual([]);
  });

  it('station districts singleton: same fields, types and choices', () => {
    expect(schemaDrift(stationDistrictsSchema, shapeOf(singletons.stationDistricts))).toEqual([]);
  });

  it('names a field of content/vocabulary.yaml added to the zod schema alone', () => {
    const withColour = z.object({ ...vocabularySchema.shape, regions: z.array(z.object({ name: z.string(), slug: z.string(), colour: z.string() })) });
    expect(schemaDrift(withColour, shapeOf(singletons.vocabulary))).toEqual(['regions[].colour: in the zod schema, not in the Keystatic schema']);
  });
});

describe('schemaDrift', () => {
  const news = newsSchema(vocabulary);
  const withExtra = (fields: Record<string, z.ZodType>) => z.object({ ...news.shape, ...fields });

  it('names a field added to the zod schema alone', () => {
    expect(schemaDrift(withExtra({ sourceUrl: z.string().optional() }), shapeOf(editor.news))).toEqual([
      'sourceUrl: in the zod schema, not in the Keystatic schema',
    ]);
  });

  it('names a field added to the Keystatic schema alone, but not the MDX body', () => {
    const shape = shapeOf(editor.news) as Extract<StoredShape, { type: 'object' }>;
    const extra = { ...shape, fields: { ...shape.fields, sourceUrl: { type: 'string' } } } as const;
    expect(schemaDrift(news, extra)).toEqual(['sourceUrl: in the Keystatic schema, not in the zod schema']);
  });

  it('names a type that differs', () => {
    expect(schemaDrift(withExtra({ order: z.string() }), shapeOf(editor.news))).toEqual(['order: Keystatic stores a number, zod has string']);
  });

  it('names an enum value on one side only', () => {
    expect(schemaDrift(withExtra({ kind: z.enum(['story', 'brief', 'photo', 'video']) }), shapeOf(editor.news))).toEqual([
      'kind: Keystatic offers brief/photo/story, zod allows brief/photo/story/video',
    ]);
  });

  it('names a controlled list that zod no longer checks, or that refuses a choice', () => {
    expect(schemaDrift(withExtra({ column: z.string() }), shapeOf(editor.news))).toEqual(['column: Keystatic offers fixed choices, zod accepts any string']);
    expect(schemaDrift(withExtra({ column: z.string().refine((name) => name !== '要闻') }), shapeOf(editor.news))).toEqual([
      "column: zod refuses Keystatic's choices 要闻",
    ]);
  });

  it('looks into lists and objects', () => {
    const byline = z.array(z.object({ role: z.string(), names: z.array(z.string()), photo: z.boolean() }));
    expect(schemaDrift(withExtra({ byline }), shapeOf(editor.news))).toEqual(['byline[].photo: in the zod schema, not in the Keystatic schema']);
  });
});
