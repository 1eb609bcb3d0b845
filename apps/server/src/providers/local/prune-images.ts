import { readdir, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';

// Only files the local provider writes (`job_<32 hex>.png`) are ever deleted, whatever else an
// operator keeps in the folder.
const IMAGE_FILE = /^job_[0-9a-f]{32}\.png$/;

/**
 * Deletes the local provider's images older than `maxAgeMs`, so a long-running server's data
 * dir does not grow without end. Returns how many it deleted; a file that vanishes or cannot
 * be read meanwhile is skipped, not an error.
 */
export async function pruneImages(imagesDir: string, maxAgeMs: number, now = Date.now()): Promise<number> {
  const names = await readdir(imagesDir).catch(() => [] as string[]);
  let deleted = 0;
  for (const name of names) {
    if (!IMAGE_FILE.test(name)) continue;
    const path = join(imagesDir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile() || now - info.mtimeMs <= maxAgeMs) continue;
    if (
      await unlink(path).then(
        () => true,
        () => false,
      )
    )
      deleted++;
  }
  return deleted;
}
