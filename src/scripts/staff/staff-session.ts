import type { StaffRole } from '../../cinema/staff-roles';
import { api, sendJson } from '../cinema/api';

export interface SignedInStaff {
  username: string;
  role: StaffRole;
}

/** Who is signed in to the console in this browser (the staff session cookie), or the refusal (401 when nobody). */
export const signedInStaff = () => api<SignedInStaff>('/api/staff/me', { cache: 'no-store' });

/** Signs in with a username and password; the Worker sets the session cookie. */
export const signInStaff = (username: string, password: string) => sendJson<SignedInStaff>('POST', '/api/staff/session', { username, password });
