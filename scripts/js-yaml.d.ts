// js-yaml comes with Astro and Keystatic (both parse and write content with it) but ships no types; these
// are the two calls used here, with its default options.
declare module 'js-yaml' {
  export function dump(value: unknown): string;
  export function load(text: string): unknown;
}
