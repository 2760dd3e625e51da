// Vite's `?raw` imports: a file's text (workerd tests have no file system to read fixtures from).
declare module '*?raw' {
  const text: string;
  export default text;
}

// Vite's import.meta.glob, as the tests use it: every matching file's text, by path.
interface ImportMeta {
  glob<T>(pattern: string, options: { query: '?raw'; import: 'default'; eager: true }): Record<string, T>;
}
