/** The live site's /build.json as fetched: absent (never deployed: 404), its JSON, or why it could not be read. */
export type LiveBuild = { status: 'missing' } | { status: 'found'; json: unknown } | { status: 'unreadable'; reason: string };

/** Fetches `site`/build.json past any cache (the deploy and the scheduled build both compare with it). */
export async function fetchLiveBuild(site: string): Promise<LiveBuild> {
  try {
    const response = await fetch(new URL(`/build.json?at=${Date.now()}`, site), { headers: { 'Cache-Control': 'no-cache' } });
    if (response.status === 404) return { status: 'missing' };
    if (!response.ok) return { status: 'unreadable', reason: `HTTP ${response.status}` };
    return { status: 'found', json: await response.json() };
  } catch (error) {
    return { status: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
}
