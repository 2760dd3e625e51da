import type { RosterMember } from './roster-rows.ts';

/** A member as an upload chunk carries it: [line, member number, last four phone digits]. */
export type RosterChunkRow = [line: number, number: string, last4: string];

/** Under the API's 8 KiB body limit with room for the `{"rows":[…]}` around the rows. */
export const CHUNK_BYTES = 7_800;

/**
 * The members in upload chunks of at most `maxBytes` of JSON each, in file order. The same members
 * always give the same chunks, so a chunk re-sent after a dropped connection replaces itself.
 */
export function rosterChunks(members: readonly RosterMember[], maxBytes = CHUNK_BYTES): RosterChunkRow[][] {
  const chunks: RosterChunkRow[][] = [];
  let chunk: RosterChunkRow[] = [];
  let size = 0;
  for (const { line, number, last4 } of members) {
    const row: RosterChunkRow = [line, number, last4];
    const rowBytes = JSON.stringify(row).length + 1;
    if (chunk.length > 0 && size + rowBytes > maxBytes) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(row);
    size += rowBytes;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}

/**
 * An upload's id: the SHA-256 of its chunks. Uploading the same roster again (after a reload, or on
 * another device) finds the same session on the Worker and sends only the chunks it lacks.
 */
export async function rosterUploadId(chunks: readonly RosterChunkRow[][]): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(JSON.stringify(chunks)));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
