// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import preact from '@astrojs/preact';
import sitemap from '@astrojs/sitemap';
import path from 'node:path';
import { isHarmlessBuildWarning } from './scripts/harmless-build-warnings.ts';
import { sitemapOptions } from './scripts/sitemap-pages.ts';
import { siteUrl } from './scripts/site-url.ts';
import { editorUnderDev } from './src/keystatic/editor-integration.ts';


// Builds from another content folder (test fixtures, benchmarks) keep their own content cache, so
// they never disturb the real site's.
// The only JSX in the site: the staff console. The editor's React (dev only) is kept off these files.
const STAFF_ISLANDS = '**/src/components/staff/**';

const contentDir = process.env.HUIGONG_CONTENT_DIR;
const buildPart = process.env.HUIGONG_BUILD_PART || 'whole';
// A part of a build made in parts sees only its own pages; the sitemap is written once they are merged.
const buildInParts = buildPart !== 'whole';
// A part run by hand writes its pages beside the site (dist-parts/shared/), not over it.
const outDir = process.env.HUIGONG_OUT_DIR ?? (buildInParts ? `./dist-parts/${buildPart}` : './dist');
// A build made in parts gives each part its own cache (scripts/astro-build.ts). A part run by hand keeps one
// of its own too: a part stores its share of the stories, some cut to their excerpts, which the whole
// build or the dev server would otherwise take from the cache as the stories themselves (empty pages).
const wholeCacheDir = contentDir ? `./node_modules/.astro-${path.basename(path.resolve(contentDir))}` : './node_modules/.astro';
const cacheDir = process.env.HUIGONG_CACHE_DIR ?? (buildInParts ? `${wholeCacheDir}-part-${buildPart}` : wholeCacheDir);

export default defineConfig({
  site: siteUrl,
  cacheDir,
  outDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [
    mdx(),
    // The staff console's islands (src/components/staff/); the members' and readers' pages stay without a framework.
    preact({ include: [STAFF_ISLANDS] }),
    // Pages marked noindex (404, search, check-in, an empty station directory) stay out, and the sitemap
    // splits into files of at most 45,000 URLs: scripts/sitemap-pages.ts.
    ...(buildInParts ? [] : [sitemap(sitemapOptions(outDir))]),
    // The browser editor at /keystatic, under `npm run dev` only (why: src/keystatic/editor-integration.ts).
    editorUnderDev(),
  ],
  devToolbar: { enabled: false },
  // Leaves out bundler warnings known to be harmless (each one and why: scripts/harmless-build-warnings.ts,
  // tested); every other warning prints as before.
  vite: {
    build: {
      rolldownOptions: {
        onwarn(warning, warn) {
          if (!isHarmlessBuildWarning(warning)) warn(warning);
        },
      },
    },
  },
  // News has no code blocks; Shiki's inline styles would need 'unsafe-inline' under the CSP below.
  markdown: { syntaxHighlight: false },
  // A CSP <meta> on every page with hashes of Astro's own scripts and styles, so nothing inline runs
  // unless it is ours. frame-ancestors and the other headers come from public/_headers.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data: blob:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
    },
  },
});
