#!/usr/bin/env node
// Runs `turbo run test` over the workspace, then prints one closing line, `N passed, N failed`,
// added up from the reports each workspace's test script writes to `test-results/`. A task that
// failed without any failing test (a type check, publint, a crash) counts as one failure, so
// the line can never say "0 failed" for a red run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readReports } from './read-reports.js';

const root = findWorkspaceRoot(process.cwd());
const workspaces = ['packages', 'apps'].flatMap((group) => {
  const dir = join(root, group);
  return existsSync(dir) ? readdirSync(dir).map((name) => join(dir, name)) : [];
});
const testable = workspaces.filter((dir) => {
  const manifest = join(dir, 'package.json');
  return existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test;
});

// Stale reports from an earlier run must not be counted; turbo restores fresh ones on a cache hit.
for (const dir of testable) rmSync(join(dir, 'test-results'), { recursive: true, force: true });

const turbo = spawnSync(
  'turbo',
  ['run', 'test', '--continue', '--concurrency=1', '--summarize', ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1' },
  },
);
const failedTasks = readFailedTasks(root);
const filtered = process.argv.slice(2).some((arg) => arg.startsWith('--filter') || arg === '-F');

let passed = 0;
let failed = 0;
let skipped = 0;
console.log('\nTest totals by workspace:');
for (const dir of testable) {
  const name = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name;
  const totals = readReports(join(dir, 'test-results'));
  const taskFailed = failedTasks.has(name);
  if (totals.files === 0 && !taskFailed && filtered) {
    console.log(`  ${name}: not selected`);
    continue;
  }
  // A red task whose reports show no failure still failed something the reports cannot see,
  // and a full run in which a workspace wrote no report at all has lost its tests somewhere.
  const extra = (taskFailed && totals.failed === 0) || totals.files === 0 ? 1 : 0;
  passed += totals.passed;
  failed += totals.failed + extra;
  skipped += totals.skipped;
  const note = totals.files === 0 ? ' (no test report written)' : extra ? ' (task failed outside its test runner)' : '';
  console.log(`  ${name}: ${totals.passed} passed, ${totals.failed + extra} failed, ${totals.skipped} skipped${note}`);
}
if (turbo.status !== 0 && failed === 0) failed = 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(turbo.status === 0 && failed === 0 ? 0 : 1);

/** Walks up to the folder holding pnpm-workspace.yaml, so the command works from any workspace. */
function findWorkspaceRoot(start) {
  let dir = start;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = join(dir, '..');
    if (parent === dir) throw new Error('test-totals: no pnpm-workspace.yaml above ' + start);
    dir = parent;
  }
  return dir;
}

/** Names of the packages whose test task exited non-zero, from turbo's run summary. */
function readFailedTasks(workspaceRoot) {
  const runs = join(workspaceRoot, '.turbo', 'runs');
  if (!existsSync(runs)) return new Set();
  const latest = readdirSync(runs)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(runs, f))
    .sort((a, b) => statSync(a).mtimeMs - statSync(b).mtimeMs)
    .at(-1);
  if (!latest) return new Set();
  const summary = JSON.parse(readFileSync(latest, 'utf8'));
  return new Set(
    (summary.tasks ?? [])
      .filter((t) => t.task === 'test' && t.execution && t.execution.exitCode !== 0)
      .map((t) => t.package),
  );
}
