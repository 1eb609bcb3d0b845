/** What a start-up re-exec adds: an allocator to preload, node flags to start with. */
export interface ExecChanges {
  preload?: string | undefined;
  nodeFlags?: string[];
}

/**
 * Replaces this process with itself, same pid, arguments and environment, plus `changes`: an
 * allocator must be loaded before anything allocates and V8's heap is sized before the first
 * line runs, which only a fresh exec can do. The pid stays, so a supervisor's signals and a
 * test's kill-by-pid still reach the server.
 */
export function execAgain(changes: ExecChanges): never {
  const env = changes.preload === undefined ? process.env : { ...process.env, LD_PRELOAD: changes.preload };
  process.execve?.(
    process.execPath,
    [process.execPath, ...(changes.nodeFlags ?? []), ...process.execArgv, ...process.argv.slice(1)],
    env,
  );
  throw new Error('process.execve returned');
}
