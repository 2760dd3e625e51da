import { appendFileSync, copyFileSync, existsSync, readFileSync } from 'node:fs';

/**
 * Local secrets for wrangler dev: .dev.vars, made from .dev.vars.example the first time; a secret the
 * example gained since (STAFF_BOOTSTRAP_SECRET) is added to an existing .dev.vars, the others kept.
 */
export function devVars(): Record<string, string> {
  if (!existsSync('.dev.vars')) copyFileSync('.dev.vars.example', '.dev.vars');
  const example = readFileSync('.dev.vars.example', 'utf8');
  const vars = parseDevVars(readFileSync('.dev.vars', 'utf8'));
  const missing = example.split('\n').filter((line) => {
    const name = /^\s*([A-Z_][A-Z0-9_]*)\s*=/.exec(line)?.[1];
    return name !== undefined && !(name in vars);
  });
  if (missing.length === 0) return vars;
  appendFileSync('.dev.vars', `\n${missing.join('\n')}\n`);
  return parseDevVars(readFileSync('.dev.vars', 'utf8'));
}

/** The NAME="value" lines of a .dev.vars file (comments and blank lines skipped). */
export function parseDevVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*"?(.*?)"?\s*$/.exec(line);
    if (match) vars[match[1]!] = match[2]!;
  }
  return vars;
}
