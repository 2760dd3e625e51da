import { describe, expect, it } from 'vitest';
import type { RosterChunkRow } from '../../src/cinema/roster-chunks';
import type { RosterApplyMode, RosterUploadState } from '../../src/cinema/roster-upload-state';
import type { ApiResult } from '../../src/scripts/cinema/api';
import { applyRoster, sendRoster, type RosterApi, type RosterProgress } from '../../src/scripts/staff/roster-upload';

const DROPPED = { ok: false as const, status: 0, error: { code: 'network', message: '网络连接失败' } };

/** A Worker keeping one upload, whose connection drops on the calls numbered in `drops`. */
function fakeWorker(drops: number[] = []) {
  const received = new Map<number, RosterChunkRow[]>();
  let chunks = 0;
  let status: RosterUploadState['status'] = 'staging';
  let mode: RosterApplyMode | null = null;
  let polls = 0;
  let calls = 0;
  const sends: number[] = [];
  const state = (): RosterUploadState => ({
    id: 'u',
    status,
    chunks,
    missing: Array.from({ length: chunks }, (_, n) => n).filter((n) => !received.has(n)),
    members: [...received.values()].flat().length,
    problems: [],
    mode,
    written: status === 'applied' ? [...received.values()].flat().length : 0,
    removed: 0,
  });
  const answer = async (act: () => void): Promise<ApiResult<RosterUploadState>> => {
    if (drops.includes(++calls)) return DROPPED;
    act();
    return { ok: true, status: 200, data: state() };
  };
  const api: RosterApi = {
    open: (_id, n) => answer(() => (chunks = n)),
    sendChunk: (_id, n, rows) => answer(() => (sends.push(n), received.set(n, rows))),
    status: () => answer(() => (++polls >= 2 ? (status = 'applied') : undefined)),
    apply: (_id, m) => answer(() => ((mode = m), (status = 'applying'))),
  };
  return { api, received, sends };
}

const chunks: RosterChunkRow[][] = [[[2, 'A1', '0001']], [[3, 'A2', '0002']], [[4, 'A3', '0003']]];
const noWait = async () => {};

describe('sendRoster', () => {
  it('retries through dropped connections and sends every chunk', async () => {
    const worker = fakeWorker([1, 3, 4]);
    const progress: RosterProgress[] = [];
    const result = await sendRoster(worker.api, 'u', chunks, { onProgress: (p) => progress.push(p), wait: noWait });
    expect(result).toMatchObject({ ok: true, state: { missing: [], members: 3 } });
    expect([...worker.received.keys()].sort()).toEqual([0, 1, 2]);
    expect(progress.filter((p) => p.phase === 'retrying').map((p) => p.phase === 'retrying' && p.retryInMs)).toEqual([1_000, 1_000, 2_000]);
    expect(progress.at(-1)).toEqual({ phase: 'sending', sent: 3, total: 3 });
  });

  it('run again (after a reload), sends only what the Worker lacks', async () => {
    const worker = fakeWorker();
    worker.received.set(0, chunks[0]!);
    worker.received.set(2, chunks[2]!);
    await sendRoster(worker.api, 'u', chunks, { onProgress: () => {}, wait: noWait });
    expect(worker.sends).toEqual([1]);
  });

  it('stops at a refusal', async () => {
    const api: RosterApi = { ...fakeWorker().api, open: async () => ({ ok: false, status: 401, error: { code: 'staff_unauthorized', message: '需要工作人员口令' } }) };
    expect(await sendRoster(api, 'u', chunks, { onProgress: () => {}, wait: noWait })).toEqual({ ok: false, error: { code: 'staff_unauthorized', message: '需要工作人员口令' } });
  });
});

describe('applyRoster', () => {
  it('follows the apply until the Worker says it is applied', async () => {
    const worker = fakeWorker();
    await sendRoster(worker.api, 'u', chunks, { onProgress: () => {}, wait: noWait });
    const phases: string[] = [];
    const result = await applyRoster(worker.api, 'u', 'replace', { onProgress: (p) => phases.push(p.phase), wait: noWait });
    expect(result).toMatchObject({ ok: true, state: { status: 'applied', mode: 'replace', written: 3 } });
    expect(phases).toEqual(['applying', 'applying']);
  });
});
