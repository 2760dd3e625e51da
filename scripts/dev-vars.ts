import { copyFileSync, existsSync, readFileSync } from 'node:fs';

/** Local secrets for wrangler dev: .dev.vars, made from .dev.vars.example the first time. */
export function devVars(): Record<string, string> {
  if (!existsSync('.dev.vars')) copyFileSync('.dev.vars.example', '.dev.vars');
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
