import { execFileSync } from 'node:child_process';

/** Every file path inside an npm tarball, as `tar` lists it (`package/dist/index.js`). */
export function listTarball(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line !== '' && !line.endsWith('/'));
}

/** The text of one file inside an npm tarball. */
export function readTarballFile(tarball: string, path: string): string {
  return execFileSync('tar', ['-xzOf', tarball, path], { encoding: 'utf8' });
}
