import { createApp } from './app';

/** The Worker entry: the Hono app handles /api/*; everything else is the static site (wrangler.toml). */
export default createApp();
