// Vite's `?raw` imports: a file's text (workerd tests have no file system to read fixtures from).
declare module '*?raw' {
  const text: string;
  export default text;
}
