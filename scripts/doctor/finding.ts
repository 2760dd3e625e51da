/** One line of the doctor's checklist: what was checked, whether it is ready, and how to fix it if not. */
export interface Finding {
  ok: boolean;
  /** The environment it concerns (`undefined`: the top level, which `wrangler dev` runs). */
  env: string | undefined;
  /** What is wrong or what was seen, in plain words. */
  message: string;
  /** The command (or edit) that fixes it. */
  fix?: string;
}

export const envFlag = (env: string | undefined) => (env ? ` --env ${env}` : '');
export const envSection = (env: string | undefined) => (env ? `[env.${env}] ` : '');

/** The checklist as printed: ✓ or ✗, the environment, the message, and the fix indented below. */
export function formatFindings(findings: Finding[]): string {
  return findings
    .map((f) => `${f.ok ? '✓' : '✗'} [${f.env ?? '本地'}] ${f.message}${f.fix ? `\n    修复：${f.fix}` : ''}`)
    .join('\n');
}
