import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HOLD_LOCK = fileURLToPath(new URL('./hold-write-lock.ts', import.meta.url));

/**
 * Starts another process (hold-write-lock.ts) holding `file`'s SQLite write lock for `ms`, as
 * the keys CLI or a backup can; resolves once it holds the lock, with a promise of its release.
 * It is killed by PID if it outlives its hold by 10 s.
 */
export async function holdWriteLock(file: string, ms: number): Promise<{ released: Promise<void> }> {
  const child = spawn(process.execPath, [HOLD_LOCK, file, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const timer = setTimeout(() => child.kill('SIGKILL'), ms + 10_000);
  const released = new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lock holder exited with ${code}`));
    }),
  );
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('locked')) resolve();
    });
    released.catch(reject);
  });
  return { released };
}
