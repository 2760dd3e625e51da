import { registerHooks } from 'node:module';

/**
 * Lets plain Node load the site's modules, which import their siblings without the .ts extension
 * (`from './levels'`), as Vite and Astro allow. Register it before importing them (dynamically).
 */
export function registerTsExtensions(): void {
  registerHooks({
    resolve(specifier, context, nextResolve) {
      try {
        return nextResolve(specifier, context);
      } catch (error) {
        const relative = specifier.startsWith('./') || specifier.startsWith('../');
        if (!relative || (error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error;
        for (const candidate of [`${specifier}.ts`, `${specifier}/index.ts`]) {
          try {
            return nextResolve(candidate, context);
          } catch {
            // try the next form
          }
        }
        throw error;
      }
    },
  });
}
