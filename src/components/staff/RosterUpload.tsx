import { useState } from 'preact/hooks';
import { rosterChunks, rosterUploadId, type RosterChunkRow } from '../../cinema/roster-chunks';
import { readRoster, type RosterRead } from '../../cinema/roster-rows';
import { rosterText, type RosterEncoding } from '../../cinema/roster-text';
import type { RosterApplyMode, RosterUploadState } from '../../cinema/roster-upload-state';
import { rosterApi } from '../../scripts/staff/roster-api';
import { applyRoster, sendRoster, type RosterDriverResult, type RosterProgress } from '../../scripts/staff/roster-upload';
import { StaffGate } from './StaffGate';

/** Problems listed in the preview; a file with more is summed up (the first ones show what to fix). */
const LISTED_PROBLEMS = 200;

const ENCODINGS: Record<RosterEncoding, string> = { 'utf-8': 'UTF-8', gbk: 'GBK（Excel 中文版）', 'utf-16le': 'UTF-16' };

interface Preview {
  fileName: string;
  encoding: RosterEncoding;
  read: RosterRead;
  chunks: RosterChunkRow[][];
  id: string;
}

type Stage =
  | { kind: 'choosing' }
  | { kind: 'previewing' }
  | { kind: 'running'; progress: RosterProgress | null }
  | { kind: 'done'; state: RosterUploadState }
  | { kind: 'failed'; message: string };

const count = (n: number) => n.toLocaleString('zh-CN');

function progressText(progress: RosterProgress | null): { value: number; max: number; text: string } {
  if (!progress) return { value: 0, max: 1, text: '正在连接…' };
  if (progress.phase === 'sending') {
    const text = progress.sent === progress.total ? '上传完成，正在开始写入名单…' : `正在上传：第 ${count(progress.sent)} / ${count(progress.total)} 段`;
    return { value: progress.sent, max: progress.total, text };
  }
  if (progress.phase === 'retrying') return { value: 0, max: 1, text: `连接中断，${Math.round(progress.retryInMs / 1000)} 秒后自动重试（第 ${progress.attempt} 次）；已上传的部分不会重传` };
  const { written, members, removed, mode } = progress.state;
  return {
    value: written,
    max: Math.max(members, 1),
    text: `正在写入名单：${count(written)} / ${count(members)} 名${mode === 'replace' && written === members ? `，正在删除名单外的会员（已删 ${count(removed)} 名）` : ''}`,
  };
}

/** The roster upload (admin): choose a file, see every problem, choose merge or replace, upload with progress. */
export default function RosterUpload() {
  return <StaffGate need="admin">{() => <Roster />}</StaffGate>;
}

function Roster() {
  const [preview, setPreview] = useState<Preview | null>(null);
  const [mode, setMode] = useState<RosterApplyMode>('merge');
  const [stage, setStage] = useState<Stage>({ kind: 'choosing' });

  async function choose(file: File | undefined) {
    if (!file) return;
    setStage({ kind: 'previewing' });
    const { text, encoding } = rosterText(new Uint8Array(await file.arrayBuffer()));
    const read = readRoster(text);
    const chunks = rosterChunks(read.members);
    setPreview({ fileName: file.name, encoding, read, chunks, id: await rosterUploadId(chunks) });
    if (read.problems.length > 0) setMode('merge');
  }

  async function run() {
    if (!preview) return;
    setStage({ kind: 'running', progress: null });
    const options = { onProgress: (progress: RosterProgress) => setStage({ kind: 'running', progress }) };
    let result: RosterDriverResult = await sendRoster(rosterApi, preview.id, preview.chunks, options);
    if (result.ok) result = await applyRoster(rosterApi, preview.id, mode, options);
    if (result.ok) return setStage({ kind: 'done', state: result.state });
    // Signed out meanwhile (staff_unauthorized) too: the message says so; after signing in again, choosing the
    // same file sends only what the server lacks.
    setStage({ kind: 'failed', message: result.error.message });
  }

  const read = preview?.read;
  const running = stage.kind === 'running';
  return (
    <div class="roster-upload">
      <div class="field">
        <label for="roster-file">名单文件（CSV，可直接用 Excel“另存为 CSV”）</label>
        <input id="roster-file" type="file" accept=".csv,.txt,text/csv" disabled={running} onChange={(event) => void choose(event.currentTarget.files?.[0])} />
        <p class="meta">表头需要“会员号,手机号”（或 member_number,phone）两列，其他列（如姓名）不会上传。手机号只上传后四位的加密散列。</p>
      </div>

      {stage.kind === 'previewing' && !preview && <p role="status">正在读取文件…</p>}

      {preview && read && (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">预览：{preview.fileName}</h2>
          <dl class="counts">
            <div>
              <dt>可导入的会员</dt>
              <dd data-count="members">{count(read.members.length)}</dd>
            </div>
            <div>
              <dt>有问题的行</dt>
              <dd data-count="problems">{count(read.problems.length)}</dd>
            </div>
            <div>
              <dt>跳过的空行</dt>
              <dd>{count(read.blankLines.length)}</dd>
            </div>
            <div>
              <dt>文件编码</dt>
              <dd>{ENCODINGS[preview.encoding]}</dd>
            </div>
          </dl>

          {read.problems.length > 0 && (
            <div class="problems" role="region" aria-labelledby="problems-caption" tabIndex={0}>
              <table>
                <caption id="problems-caption">有问题的行（不会导入，请在原文件中改正）</caption>
                <thead>
                  <tr>
                    <th scope="col">行号</th>
                    <th scope="col">问题</th>
                  </tr>
                </thead>
                <tbody>
                  {read.problems.slice(0, LISTED_PROBLEMS).map((problem) => (
                    <tr key={problem.line}>
                      <td>{problem.line}</td>
                      <td>{problem.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {read.problems.length > LISTED_PROBLEMS && <p class="meta">另有 {count(read.problems.length - LISTED_PROBLEMS)} 行有问题，未列出。</p>}
            </div>
          )}

          {read.members.length > 0 && (
            <fieldset disabled={running || stage.kind === 'done'}>
              <legend>导入方式</legend>
              <label class="choice">
                <input type="radio" name="mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
                合并：添加和更新文件中的会员，名单上的其他会员不变
              </label>
              <label class="choice">
                <input type="radio" name="mode" value="replace" checked={mode === 'replace'} disabled={read.problems.length > 0} onChange={() => setMode('replace')} />
                替换：文件就是完整名单，文件外的会员将被删除、不能再登录
              </label>
              {read.problems.length > 0 && <p class="meta">文件中有问题的行时不能替换（那些会员会被误删），请改正后重新选择文件。</p>}
            </fieldset>
          )}

          {read.members.length > 0 && stage.kind !== 'done' && (
            <button type="button" disabled={running} onClick={() => void run()}>
              {stage.kind === 'failed' ? '继续导入' : `确认导入 ${count(read.members.length)} 名会员（${mode === 'merge' ? '合并' : '替换'}）`}
            </button>
          )}
        </section>
      )}

      {running && (
        <div class="progress">
          <label for="roster-progress">进度</label>
          <progress id="roster-progress" value={progressText(stage.progress).value} max={progressText(stage.progress).max} />
          <p role="status">{progressText(stage.progress).text}</p>
        </div>
      )}
      {stage.kind === 'done' && (
        <p role="status" class="notice">
          导入完成：写入 {count(stage.state.written)} 名会员{stage.state.mode === 'replace' ? `，删除名单外的 ${count(stage.state.removed)} 名` : ''}。
        </p>
      )}
      {stage.kind === 'failed' && (
        <p role="alert" class="notice">
          导入没有完成：{stage.message}
        </p>
      )}
    </div>
  );
}
