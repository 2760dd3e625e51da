import type { Page } from 'playwright-core';

/**
 * One walk through the site for `npm run screenshots`: drive `page` from `baseURL` as a user would and
 * call `shoot(name)` at each screen worth seeing (the runner names the file and picks the viewport).
 *
 * @example
 * export const journeys: Journeys = {
 *   'front-page': async (page, shoot, baseURL) => {
 *     await page.goto(`${baseURL}/`);
 *     await shoot('front');
 *   },
 * };
 */
export type Journey = (page: Page, shoot: (name: string) => Promise<void>, baseURL: string) => Promise<void>;

/**
 * What each `scripts/screenshots/*-journeys.ts` module exports: `journeys` by name, and optionally the
 * names of those also worth shooting in dark mode.
 */
export type Journeys = Record<string, Journey>;
export interface JourneyModule {
  journeys: Journeys;
  dark?: string[];
}
