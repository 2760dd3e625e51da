import { copyFileSync, existsSync, readFileSync } from 'node:fs';

/** Local secrets for wrangler dev: .dev.vars, made from .dev.vars.example the first time. */
export function devVars(): Record<string, string> {
  if (!existsSync('.dev.vars')) copyFileSync('.dev.vars.example', '.dev.vars');
  const vars: Record<string, string> = {};
  for (const line of readFileSync('.dev.vars', 'utf8').split('\n')) {
    const match = /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*"?(.*?)"?\s*$/.exec(line);
    if (match) vars[match[1]!] = match[2]!;
  }
  return vars;
}
