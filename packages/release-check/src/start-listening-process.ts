import { spawn } from 'node:child_process';

/** A child Node process that has said it is ready, what it said, and how to stop it. */
export interface ListeningProcess<T> {
  ready: T;
  pid: number;
  /** Sends SIGTERM to the process by its PID and resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Runs a Node script as a child process and resolves once `ready` finds what it waits for in
 * everything the child has printed so far (an address, a key). A child that exits first rejects
 * with its output; one that never gets ready is stopped when the caller's timeout gives up.
 */
export async function startListeningProcess<T>(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv },
  ready: (output: string) => T | undefined,
): Promise<ListeningProcess<T>> {
  const child = spawn(process.execPath, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`${args[0]} did not start`);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) process.kill(pid, 'SIGTERM');
    await exited;
  };
  try {
    const found = await new Promise<T>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const value = ready(output);
        if (value !== undefined) resolve(value);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code} before it was ready:\n${output}`)));
    });
    return { ready: found, pid, stop };
  } catch (failure) {
    await stop();
    throw failure;
  }
}
