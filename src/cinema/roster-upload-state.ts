import type { RosterProblem } from './roster-rows.ts';

export type RosterApplyMode = 'merge' | 'replace';

/** What the Worker answers about a roster upload (docs/api.md › Roster upload); the console shows it. */
export interface RosterUploadState {
  id: string;
  status: 'staging' | 'applying' | 'applied';
  chunks: number;
  /** Chunks not received yet, by index: what a resumed upload still sends. */
  missing: number[];
  /** Members staged (while staging) or being applied. */
  members: number;
  /** Rows the Worker refused (the browser refuses the same ones before sending, so normally none). */
  problems: RosterProblem[];
  mode: RosterApplyMode | null;
  /** KV writes done while applying: members written, and for replace members not in the upload removed. */
  written: number;
  removed: number;
}
