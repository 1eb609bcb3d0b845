import { issueApiKey } from '../keys/issue-api-key.ts';
import { openStore } from '../store/open-store.ts';
import type { ApiKeyRecord } from '../store/store.ts';

/** Creates a funded key in a data dir no server has open yet (or one running in another process), as the keys CLI would. */
export async function issueKeyInDataDir(
  dataDir: string,
  options: { credits: number; name: string },
): Promise<{ key: string; record: ApiKeyRecord }> {
  const store = await openStore({ dataDir });
  try {
    return await issueApiKey(store.keys, options);
  } finally {
    await store.close();
  }
}
