import { createApp } from './app.ts';

/** The Worker entry: the Hono app handles /api/*; everything else is the static site (wrangler.toml). */
export default createApp();

export { MemberStanding } from './member-standing.ts';
export { RosterObject } from './roster-object.ts';
export { ScreeningObject } from './screening-object.ts';
export { SignInThrottle } from './sign-in-throttle.ts';
export { StaffDirectory } from './staff-directory.ts';
