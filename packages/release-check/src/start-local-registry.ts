import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startListeningProcess } from './start-listening-process.ts';

const PROCESS_SCRIPT = fileURLToPath(new URL('./local-registry-process.ts', import.meta.url));

/** A running throwaway registry: where it listens, the npmrc that publishes to it, and how to stop it. */
export interface LocalRegistry {
  url: string;
  /** An npmrc naming this registry and a token of its one user; point `npm_config_userconfig` at it. */
  npmrc: string;
  stop(): Promise<void>;
}

/**
 * Starts Verdaccio on 127.0.0.1 with its storage in `dir`, signs up one user (as `npm adduser`
 * would) and writes an npmrc for it in `dir`. Nothing outside `dir` is configured: a command uses
 * this registry only when its environment points `npm_config_userconfig` at that npmrc.
 */
export async function startLocalRegistry(dir: string): Promise<LocalRegistry> {
  const registry = await startListeningProcess([PROCESS_SCRIPT, dir], {}, (output) =>
    /registry listening on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output)?.[1],
  );
  const url = registry.ready;
  try {
    const token = await signUp(url);
    const npmrc = join(dir, 'npmrc');
    writeFileSync(npmrc, `registry=${url}\n${url.replace(/^http:/, '')}:_authToken=${token}\n`);
    return { url, npmrc, stop: registry.stop };
  } catch (failure) {
    await registry.stop();
    throw failure;
  }
}

// The request `npm adduser` makes: a new user on Verdaccio's htpasswd answers with a token.
async function signUp(url: string): Promise<string> {
  const name = 'release-rehearsal';
  const response = await fetch(new URL(`-/user/org.couchdb.user:${name}`, url), {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: `pw-${process.pid}-${Date.now()}` }),
  });
  const body = (await response.json()) as { token?: string };
  if (!response.ok || body.token === undefined) throw new Error(`signing up on ${url} failed: ${response.status}`);
  return body.token;
}
