import type { RosterUploadState } from '../../cinema/roster-upload-state';
import { api, sendJson } from '../cinema/api';
import type { RosterApi } from './roster-upload';
import { staffHeaders } from './staff-token';

const base = (id: string) => `/api/staff/roster/uploads/${id}`;

/** The roster routes over fetch, as the signed-in admin. */
export const rosterApi: RosterApi = {
  open: (id, chunks) => sendJson<RosterUploadState>('PUT', base(id), { chunks }, staffHeaders()),
  sendChunk: (id, n, rows) => sendJson<RosterUploadState>('PUT', `${base(id)}/chunks/${n}`, { rows }, staffHeaders()),
  status: (id) => api<RosterUploadState>(base(id), { cache: 'no-store', headers: staffHeaders() }),
  apply: (id, mode) => sendJson<RosterUploadState>('POST', `${base(id)}/apply`, { mode }, staffHeaders()),
};
