import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { findApiKey } from './find-api-key.ts';
import { issueApiKey } from './issue-api-key.ts';
import type { KeyStore } from '../store/store.ts';

/** The file in the data dir that keeps the demo key between starts (keys are stored only as hashes). */
export const DEMO_KEY_FILE = 'demo-key';

/** The demo key `pnpm start` prints, and what it holds now. */
export interface DemoKey {
  key: string;
  id: string;
  balance: number;
  /** False when the key is the one a previous start of this data dir made. */
  created: boolean;
}

/**
 * The data dir's demo key: the one a previous start saved while it still works, else a new one
 * holding `credits`, saved beside the database for the next start. Why kept: a restart must not
 * cut a demo user off from the jobs they submitted, nor pile up a dead key per start.
 */
export async function keepDemoKey(keys: KeyStore, dataDir: string, credits: number): Promise<DemoKey> {
  const file = join(dataDir, DEMO_KEY_FILE);
  const saved = readSavedKey(file);
  const found = saved === undefined ? undefined : await findApiKey(keys, saved);
  if (saved !== undefined && found && found.revokedAt === null) {
    return { key: saved, id: found.id, balance: found.balance, created: false };
  }
  const { key, record } = await issueApiKey(keys, { credits, name: 'demo' });
  // Owner-only: the file holds a working secret, like the database beside it.
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { key, id: record.id, balance: record.balance, created: true };
}

function readSavedKey(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return text === '' ? undefined : text;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
