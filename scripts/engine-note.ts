/** `major.minor.patch` of a version such as `v20.20.2` or `22.12.0`. */
function parts(version: string): number[] {
  return version.replace(/^v/, '').split('.').map(Number);
}

function older(a: string, b: string): boolean {
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 3; i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) < (y[i] ?? 0);
  return false;
}

/**
 * The line `npm install` ends with when it ran on a Node older than the project needs (Node 20): npm
 * checks every package's `engines` against the Node that runs npm itself, so Astro, wrangler and others
 * printed EBADENGINE warnings above; the project runs them only on the Node 22 in node_modules/.bin.
 * Undefined when npm's Node is new enough (no warnings to explain). `required` is `engines.node`, `>=x.y.z`.
 *
 * @example engineNote({ npmUserAgent: 'npm/11.19.1 node/v20.20.2 linux x64', projectNode: 'v22.23.3', required: '>=22.12.0' })
 */
export function engineNote(input: { npmUserAgent: string; projectNode: string; required: string }): string | undefined {
  const npmNode = /\bnode\/(v[\d.]+)/.exec(input.npmUserAgent)?.[1];
  const minimum = /^>=\s*([\d.]+)$/.exec(input.required.trim())?.[1];
  if (!npmNode || !minimum || !older(npmNode, minimum)) return undefined;
  return (
    `上面的 EBADENGINE 警告可以不管：npm 按运行它的 Node ${npmNode} 检查了各依赖对 Node 版本的要求，` +
    `而本项目的 npm 脚本和 npx 都用 node_modules/.bin 里的 Node ${input.projectNode}（本项目要求 ${input.required}）。`
  );
}
