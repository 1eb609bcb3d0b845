// The workspace's `test` script: vitest (the generator and its drift test), then pytest on the
// generated Python package. Both always run, so one failing does not hide the other's count;
// the exit code fails when either does.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cwd = fileURLToPath(new URL('..', import.meta.url));
const run = (command: string, args: string[]): number =>
  spawnSync(command, args, { cwd, stdio: 'inherit' }).status ?? 1;

const vitest = run('pnpm', ['exec', 'vitest', 'run']);
const pytest = run('python3', ['-m', 'pytest', '--junitxml=test-results/pytest.xml']);
process.exit(vitest !== 0 || pytest !== 0 ? 1 : 0);
