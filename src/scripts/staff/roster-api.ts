import type { RosterUploadState } from '../../cinema/roster-upload-state';
import { api, sendJson } from '../cinema/api';
import type { RosterApi } from './roster-upload';

const base = (id: string) => `/api/staff/roster/uploads/${id}`;

/** The roster routes over fetch, as the admin signed in to the console (the session cookie). */
export const rosterApi: RosterApi = {
  open: (id, chunks) => sendJson<RosterUploadState>('PUT', base(id), { chunks }),
  sendChunk: (id, n, rows) => sendJson<RosterUploadState>('PUT', `${base(id)}/chunks/${n}`, { rows }),
  status: (id) => api<RosterUploadState>(base(id), { cache: 'no-store' }),
  apply: (id, mode) => sendJson<RosterUploadState>('POST', `${base(id)}/apply`, { mode }),
};
