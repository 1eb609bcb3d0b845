import { storageProblemOf } from '../storage-unavailable.ts';

/** What a start can meet that is the operator's to fix, beyond the faults any request can meet. */
const START_PROBLEMS: Array<[test: (code: string) => boolean, problem: (code: string) => string]> = [
  [(code) => code.startsWith('28'), (code) => `refusing the credentials in the URL (PostgreSQL ${code})`],
  [(code) => code === '3D000', () => 'missing: no such database (PostgreSQL 3D000)'],
  [(code) => code === 'ENOTFOUND' || code === 'EAI_AGAIN', (code) => `unreachable (${code}: no such host)`],
];

/** The URL without its password, fit for a log line or a terminal. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured database URL';
  }
}

/**
 * The PostgreSQL database cannot be used at start (down, unreachable, wrong credentials, no
 * such database). Its message is one line an operator can act on, without the password; the
 * caller adds which setting names the database.
 */
export class DatabaseUnusableError extends Error {
  /** What is wrong, in a few words: "unreachable (ECONNREFUSED)". */
  readonly problem: string;

  constructor(url: string, problem: string, options?: { cause?: unknown }) {
    super(`the database ${redactDatabaseUrl(url)} cannot be used: it is ${problem}`, options);
    this.name = 'DatabaseUnusableError';
    this.problem = problem;
  }

  /** `error` as a DatabaseUnusableError when it says the database cannot be used, else undefined (a bug stays a bug). */
  static from(error: unknown, url: string): DatabaseUnusableError | undefined {
    if (error instanceof DatabaseUnusableError) return error;
    const code = (error as { code?: unknown } | null)?.code;
    const problem =
      storageProblemOf(error) ??
      (typeof code === 'string' ? START_PROBLEMS.find(([test]) => test(code))?.[1](code) : undefined) ??
      (error instanceof Error && /migrated by a newer server/.test(error.message) ? error.message : undefined);
    return problem === undefined ? undefined : new DatabaseUnusableError(url, problem, { cause: error });
  }
}
