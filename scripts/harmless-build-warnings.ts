/** A bundler warning as rolldown reports it to `build.rolldownOptions.onwarn`. */
export interface BuildWarning {
  code?: string;
  message: string;
}

/**
 * Whether the site's build may leave a warning out: only warnings known to be harmless here, matched
 * exactly; every other warning prints as before.
 *
 * - MODULE_LEVEL_DIRECTIVE on `"use astro:head-inject"`: Astro 7 starts the module it makes for each
 *   MDX entry (`…mdx?astroPropagatedAssets`) with this directive, and rolldown warns, in nine lines per
 *   MDX file, that bundling may not keep it. Nothing reads it any more: Astro finds these modules by their
 *   `?astroPropagatedAssets` query (withastro/astro#17095). Upstream: withastro/astro#18087.
 */
export function isHarmlessBuildWarning(warning: BuildWarning): boolean {
  return (
    warning.code === 'MODULE_LEVEL_DIRECTIVE' &&
    warning.message.includes('module level directive "use astro:head-inject"') &&
    warning.message.includes('?astroPropagatedAssets"')
  );
}
