import type { DatabaseSync } from 'node:sqlite';

/** How often a waited-for job is looked for while some poll waits: the most a cross-process wake-up lags its commit. */
export const WATCH_INTERVAL_MS = 20;

/** The watching half of a SQLite Store (Store.watchJob), and its off switch for close(). */
export interface OtherWritersWatch {
  /** Watches one job until the function it answers is called; calls may nest (one per waiting poll). */
  watch(jobId: string): () => void;
  stop(): void;
}

/**
 * Sees jobs finished by other processes on the same data dir (a second server, the keys CLI),
 * which this process hears of no other way (the workers of one cluster also tell each other
 * through the primary). While at least one job is watched, every WATCH_INTERVAL_MS it reads
 * `PRAGMA data_version`, which changes only when another connection committed, so a process
 * alone on its file pays one PRAGMA per interval and no query; when it changed, one query
 * finds which watched jobs finished, and `emit` is called with each. Nothing runs while no
 * job is watched.
 */
export function watchOtherWriters(db: DatabaseSync, emit: (jobId: string) => void): OtherWritersWatch {
  const version = db.prepare('PRAGMA data_version');
  const finished = db.prepare(
    'SELECT id FROM jobs WHERE id IN (SELECT value FROM json_each(?)) AND finished_at IS NOT NULL',
  );
  const watched = new Map<string, number>();
  let seen: unknown;
  let timer: NodeJS.Timeout | undefined;

  const look = () => {
    try {
      const now = (version.get() as { data_version: number }).data_version;
      if (now === seen) return;
      seen = now;
      const rows = finished.all(JSON.stringify([...watched.keys()])) as Array<{ id: string }>;
      for (const { id } of rows) emit(id);
    } catch {
      // A storage fault (a locked or vanished file) costs this look, never the process: the
      // poll then answers at the end of its wait, as it did before there was a watch.
      seen = undefined;
    }
  };

  return {
    watch(jobId) {
      if (timer === undefined) {
        // The baseline is read before the caller reads the job, so a finish committed after
        // that read changes the version the next look compares with.
        try {
          seen = (version.get() as { data_version: number }).data_version;
        } catch {
          seen = undefined;
        }
        timer = setInterval(look, WATCH_INTERVAL_MS);
        timer.unref();
      }
      watched.set(jobId, (watched.get(jobId) ?? 0) + 1);
      let done = false;
      return () => {
        if (done) return;
        done = true;
        const left = (watched.get(jobId) ?? 1) - 1;
        if (left > 0) watched.set(jobId, left);
        else watched.delete(jobId);
        if (watched.size === 0 && timer !== undefined) {
          clearInterval(timer);
          timer = undefined;
        }
      };
    },
    stop() {
      watched.clear();
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
    },
  };
}
