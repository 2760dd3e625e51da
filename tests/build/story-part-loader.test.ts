import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { afterAll, describe, expect, it } from 'vitest';
import { buildParts, rendersStory, type BuildPart } from '../../src/build/build-part';
import { readListedStories, writeListedStories } from '../../src/data/listed-stories';
import { keepingStories } from '../../src/data/story-part-loader';
import { excerpt } from '../../src/news/excerpt';

type Entry = Parameters<LoaderContext['store']['set']>[0];

const work = mkdtempSync(path.join(tmpdir(), 'huigong-story-part-loader-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const body = Array.from({ length: 12 }, (_, i) => `第${i + 1}段：职工书屋开进了车间，工友们在班前班后都能读书。`.repeat(4)).join('\n\n');
const entries: Entry[] = Array.from({ length: 40 }, (_, i) => ({
  id: `story-${i}`,
  data: { title: `第${i}篇`, date: new Date(Date.UTC(2026, 0, 1 + i)), tags: ['劳模'] },
  body,
  filePath: `content/news/story-${i}.mdx`,
  digest: `digest-${i}`,
  deferredRender: true,
}));

/** Runs the news loader, wrapped for `part`, over `entries`; what it stored and the listed stories' file. */
async function load(part: BuildPart, file: string, read: readonly Entry[] = entries) {
  const stored = new Map<string, Entry>();
  const store = { set: (entry: Entry) => (stored.set(entry.id, entry), true), keys: () => [...stored.keys()] } as unknown as LoaderContext['store'];
  const files: Loader = { name: 'files', load: async (context) => void read.forEach((entry) => context.store.set(entry)) };
  await keepingStories(part, files, file).load({ store } as LoaderContext);
  return stored;
}

describe('the news loader in a build made in parts', () => {
  it('stores a story part’s own stories as read, and lists the others apart with their data (dates as dates) and no body', async () => {
    const part = buildParts(3)[1]!;
    const file = path.join(work, 'story-part', 'listed-stories.bin');
    const stored = await load(part, file);
    const own = entries.filter((entry) => rendersStory(part, entry.id));
    expect(own.length).toBeGreaterThan(0);
    expect([...stored.values()]).toEqual(own);
    const listed = readListedStories(file);
    expect(listed.map((story) => story.id)).toEqual(entries.filter((entry) => !rendersStory(part, entry.id)).map((entry) => entry.id));
    for (const story of listed) {
      const entry = entries.find(({ id }) => id === story.id)!;
      expect(story).toEqual({ id: entry.id, collection: 'news', data: entry.data, filePath: entry.filePath });
      expect(story.data.date).toBeInstanceOf(Date);
    }
  });

  it('has the shared part store no story, and list every one with its data and the opening its excerpt needs', async () => {
    const file = path.join(work, 'shared', 'listed-stories.bin');
    const stored = await load({ kind: 'shared' }, file);
    expect(stored.size).toBe(0);
    const listed = readListedStories(file);
    expect(listed.map((story) => story.id)).toEqual(entries.map((entry) => entry.id));
    for (const story of listed) {
      expect(story.data.date).toBeInstanceOf(Date);
      expect(story.body!.length).toBeLessThan(body.length);
      expect(excerpt(story.body!)).toBe(excerpt(body));
      expect(excerpt(story.body!, 200)).toBe(excerpt(body, 200));
    }
  });

  it('writes the file on every build of a story part, so a story another part took since is not listed from an earlier build', async () => {
    const file = path.join(work, 'stale', 'listed-stories.bin');
    writeListedStories([{ id: 'gone', collection: 'news', data: entries[0]!.data as never, filePath: 'content/news/gone.mdx' }], file);
    await load(buildParts(2)[1]!, file);
    expect(readListedStories(file).map((story) => story.id)).not.toContain('gone');
  });

  it('lists one story for an id two files give (a slug), the last read, as the content store keeps it', async () => {
    const part = buildParts(3)[1]!;
    const listedId = entries.find((entry) => !rendersStory(part, entry.id))!.id;
    const file = path.join(work, 'slug', 'listed-stories.bin');
    const twin = { ...entries[0]!, id: listedId, filePath: 'content/news/twin.mdx' };
    await load(part, file, [...entries, twin]);
    const listed = readListedStories(file).filter((story) => story.id === listedId);
    expect(listed.map((story) => story.filePath)).toEqual(['content/news/twin.mdx']);
  });

  it('leaves a whole build’s stories as read', async () => {
    const file = path.join(work, 'whole', 'listed-stories.bin');
    expect([...(await load({ kind: 'whole' }, file)).values()]).toEqual(entries);
    expect(existsSync(file)).toBe(false);
  });
});
