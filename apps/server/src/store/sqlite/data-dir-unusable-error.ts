import { accessSync, constants } from 'node:fs';
import { storageProblemOf } from '../storage-unavailable.ts';

/**
 * The data dir cannot hold the database (read-only, full, a file in the way, no permission).
 * Its message is one line an operator can act on; the caller adds which setting names the dir.
 */
export class DataDirUnusableError extends Error {
  readonly dataDir: string;
  /** What is wrong, in a few words: "on a read-only file system", "full (SQLITE_FULL)". */
  readonly problem: string;

  constructor(dataDir: string, problem: string, options?: { cause?: unknown }) {
    super(`the data dir ${dataDir} cannot be used: it is ${problem}`, options);
    this.name = 'DataDirUnusableError';
    this.dataDir = dataDir;
    this.problem = problem;
  }

  /** `error` as a DataDirUnusableError when it is a storage fault, else undefined (a bug stays a bug). */
  static from(error: unknown, dataDir: string): DataDirUnusableError | undefined {
    if (error instanceof DataDirUnusableError) return error;
    const problem = storageProblemOf(error);
    if (problem === undefined) return undefined;
    const real = onReadOnlyFileSystem(dataDir) ? 'on a read-only file system' : problem;
    return new DataDirUnusableError(dataDir, real, { cause: error });
  }
}

/**
 * SQLite names a read-only file system only as "cannot open" or "readonly" (an existing database
 * there fails to open its WAL index); access(2) says EROFS for it, even to root, so the line can
 * name the real reason.
 */
function onReadOnlyFileSystem(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EROFS';
  }
}
