import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

// A real ext4 file system on a loop device, for faults a tmpfs cannot give: a file system that
// turns read-only under a running process (Linux refuses `mount -o remount,ro` while files are
// open for writing, so the fault is ext4's own reaction to an error: errors=remount-ro).

/** An ext4 image mounted on a directory. */
export interface LoopExt4 {
  dir: string;
  /** Makes the mounted file system read-only at once, open files included, as ext4 does on a disk error. */
  turnReadOnly(): void;
  /** Unmounts, repairs the image (e2fsck) and mounts it again, read-write or read-only. */
  remount(readOnly?: boolean): void;
  /** Unmounts it (lazily, so a process still holding files cannot keep it mounted); the loop device goes with it. */
  unmount(): void;
}

const run = (program: string, args: string[]) => execFileSync(program, args, { stdio: 'ignore' });

/**
 * Makes an ext4 image of `sizeMb` at `image` and mounts it on `dir` with errors=remount-ro;
 * undefined where this machine cannot (not root, no loop devices, no mkfs.ext4, or no
 * `trigger_fs_error` in /sys to turn it read-only).
 */
export function mountLoopExt4(image: string, dir: string, sizeMb = 16): LoopExt4 | undefined {
  let device = '';
  const attach = (readOnly: boolean) => {
    device = execFileSync('losetup', ['-f', '--show', image], { encoding: 'utf8' }).trim();
    // A loop device keeps a read-only flag a past user set (blockdev --setro) across detaching.
    run('blockdev', ['--setrw', device]);
    run('mount', ['-o', `errors=remount-ro${readOnly ? ',ro' : ''}`, device, dir]);
  };
  const detach = (lazy: boolean) => {
    try {
      run('umount', lazy ? ['-l', dir] : [dir]);
    } finally {
      // Busy (a lazy unmount still finishing): the kernel detaches it once the mount is gone.
      run('losetup', ['-d', device]);
    }
  };
  try {
    mkdirSync(dir, { recursive: true });
    run('truncate', ['-s', `${sizeMb}M`, image]);
    run('mkfs.ext4', ['-q', '-F', image]);
    attach(false);
  } catch {
    return undefined;
  }
  const trigger = () => `/sys/fs/ext4/${basename(device)}/trigger_fs_error`;
  const unmount = () => {
    try {
      detach(true);
    } catch {}
  };
  if (!existsSync(trigger())) {
    unmount();
    return undefined;
  }
  return {
    dir,
    turnReadOnly: () => writeFileSync(trigger(), 'openpixels test: turn read-only\n'),
    remount: (readOnly = false) => {
      detach(false);
      try {
        // 1: errors were found and fixed (the error the test injected); 0: clean.
        run('e2fsck', ['-f', '-y', image]);
      } catch (error) {
        if ((error as { status?: number }).status !== 1) throw error;
      }
      attach(readOnly);
    },
    unmount,
  };
}
