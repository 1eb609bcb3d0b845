import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/**
 * The environment Go runs in here: its build cache and module path under this workspace's
 * gitignored `.cache/` (never in the home directory or the repo's tracked files), no module
 * proxy (the module uses the standard library only), and the installed toolchain.
 */
export function goEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GOCACHE: join(root, '.cache', 'go-build'),
    GOPATH: join(root, '.cache', 'gopath'),
    GOPROXY: 'off',
    GOFLAGS: '-mod=readonly',
    GOTOOLCHAIN: 'local',
  };
}
