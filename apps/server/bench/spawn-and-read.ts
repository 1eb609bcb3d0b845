import { type ChildProcess, spawn } from 'node:child_process';

/**
 * Spawns `node args…` with `env` added to this process's, keeps it in `children` (the
 * caller stops them at the end), and resolves once its stdout matches `pattern`; rejects if it
 * exits first. The benches start every process they measure this way.
 */
export function spawnAndRead(
  children: ChildProcess[],
  args: string[],
  env: Record<string, string>,
  pattern: RegExp,
): Promise<RegExpExecArray & { pid: number }> {
  const child = spawn(process.execPath, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(Object.assign(match, { pid: child.pid as number }));
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
  });
}

/** Stops one spawned child with SIGTERM and waits for it to exit (a profiled one writes its profile first). */
export async function stopChild(children: ChildProcess[], pid: number): Promise<void> {
  const child = children.find((c) => c.pid === pid);
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
