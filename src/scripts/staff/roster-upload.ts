import type { RosterChunkRow } from '../../cinema/roster-chunks';
import type { RosterApplyMode, RosterUploadState } from '../../cinema/roster-upload-state';
import type { ApiErrorBody, ApiResult } from '../cinema/api';

/** The roster routes as the console calls them (src/scripts/staff/roster-api.ts; tests pass a fake). */
export interface RosterApi {
  open(id: string, chunks: number): Promise<ApiResult<RosterUploadState>>;
  sendChunk(id: string, n: number, rows: RosterChunkRow[]): Promise<ApiResult<RosterUploadState>>;
  status(id: string): Promise<ApiResult<RosterUploadState>>;
  apply(id: string, mode: RosterApplyMode): Promise<ApiResult<RosterUploadState>>;
}

export type RosterProgress =
  | { phase: 'sending'; sent: number; total: number }
  | { phase: 'applying'; state: RosterUploadState }
  /** The connection dropped or the Worker was busy: the same step is tried again after `retryInMs`. */
  | { phase: 'retrying'; attempt: number; retryInMs: number };

export interface RosterDriverOptions {
  onProgress(progress: RosterProgress): void;
  /** Waits between retries and polls (tests pass one that does not). */
  wait?: (ms: number) => Promise<void>;
  /** How often the apply's progress is read. */
  pollMs?: number;
}

export type RosterDriverResult = { ok: true; state: RosterUploadState } | { ok: false; error: ApiErrorBody };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A dropped connection, a busy or restarting Worker: worth trying again. A refusal is not. */
const transient = (result: ApiResult<unknown>) => !result.ok && (result.status === 0 || result.status === 429 || result.status >= 500);

/** Calls `step` until it answers something other than a transient failure, waiting 1, 2, 4… up to 15 s between tries. */
async function persist<T>(step: () => Promise<ApiResult<T>>, { onProgress, wait = sleep }: RosterDriverOptions): Promise<ApiResult<T>> {
  for (let attempt = 1; ; attempt++) {
    const result = await step();
    if (!transient(result)) return result;
    const retryInMs = Math.min(15_000, 1_000 * 2 ** (attempt - 1));
    onProgress({ phase: 'retrying', attempt, retryInMs });
    await wait(retryInMs);
  }
}

/**
 * Sends a roster's chunks: opens the upload (or finds it, when the same roster was sent before) and sends
 * only the chunks the Worker lacks, one at a time, each retried until it gets through. Safe to run again
 * after a dropped connection or a reload: it converges on every chunk received once.
 */
export async function sendRoster(api: RosterApi, id: string, chunks: RosterChunkRow[][], options: RosterDriverOptions): Promise<RosterDriverResult> {
  const opened = await persist(() => api.open(id, chunks.length), options);
  if (!opened.ok) return { ok: false, error: opened.error };
  let state = opened.data;
  if (state.status !== 'staging') return { ok: true, state };
  const missing = state.missing;
  let sent = chunks.length - missing.length;
  options.onProgress({ phase: 'sending', sent, total: chunks.length });
  for (const n of missing) {
    const result = await persist(() => api.sendChunk(id, n, chunks[n]!), options);
    if (!result.ok) return { ok: false, error: result.error };
    state = result.data;
    options.onProgress({ phase: 'sending', sent: ++sent, total: chunks.length });
  }
  return { ok: true, state };
}

/** Applies a sent upload and follows its progress until the Worker says it is applied. */
export async function applyRoster(api: RosterApi, id: string, mode: RosterApplyMode, options: RosterDriverOptions): Promise<RosterDriverResult> {
  const { wait = sleep, pollMs = 1_000 } = options;
  let result = await persist(() => api.apply(id, mode), options);
  while (result.ok && result.data.status === 'applying') {
    options.onProgress({ phase: 'applying', state: result.data });
    await wait(pollMs);
    result = await persist(() => api.status(id), options);
  }
  return result.ok ? { ok: true, state: result.data } : { ok: false, error: result.error };
}
