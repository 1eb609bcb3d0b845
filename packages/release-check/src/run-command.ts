import { execFileSync } from 'node:child_process';

/**
 * The environment of this process without what an outer pnpm, turbo or vitest put there
 * (`npm_*`, `TURBO_*`, `VITEST*`): a command run in a scratch repository must read its own
 * configuration, not inherit the registry, task hash or worker id of the run that started it.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|TURBO_|VITEST)/i.test(name) || name === 'NODE_OPTIONS') continue;
    env[name] = value;
  }
  return { ...env, TURBO_TELEMETRY_DISABLED: '1', ...extra };
}

/**
 * Runs a command to completion in `cwd` and returns its standard output; a failure throws an
 * error that carries the end of both outputs, so a red test says what the command printed.
 */
export function runCommand(cwd: string, command: string, args: string[], env: NodeJS.ProcessEnv = cleanEnv()): string {
  try {
    return execFileSync(command, args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (failure) {
    const { stdout, stderr } = failure as { stdout?: string; stderr?: string };
    const tail = `${stdout ?? ''}\n${stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
    throw new Error(`\`${command} ${args.join(' ')}\` failed in ${cwd}:\n${tail}`);
  }
}
