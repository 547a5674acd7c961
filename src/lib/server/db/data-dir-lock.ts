import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { hostname } from 'node:os';

/**
 * PGlite has no lock of its own: two processes opening one data folder corrupt it.
 * The owner writes its pid into `<folder>.lock`; a lock whose process is gone (kill -9) is taken over.
 */
export class DataDirLockedError extends Error {
  readonly lockPath: string;
  readonly ownerPid: number;
  constructor(lockPath: string, ownerPid: number) {
    super(
      `The data folder is already in use by another Hagukumi process (pid ${ownerPid}).\n` +
        `Stop that process (a server, a migration or a worker) first, or set HAGUKUMI_DATA_DIR to another folder.\n` +
        `Lock file: ${lockPath}`
    );
    this.name = 'DataDirLockedError';
    this.lockPath = lockPath;
    this.ownerPid = ownerPid;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPathFor(dataDir: string): string {
  return join(dirname(dataDir), `.${basename(dataDir)}.lock`);
}

/** Takes the lock or throws DataDirLockedError. Returns the release function. */
export function lockDataDir(dataDir: string): () => void {
  const lockPath = lockPathFor(dataDir);
  mkdirSync(dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lockPath, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, host: hostname() }));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let owner: { pid?: number; host?: string };
      try {
        owner = JSON.parse(readFileSync(lockPath, 'utf8'));
      } catch {
        owner = {};
      }
      const ownerPid = Number(owner.pid);
      const sameHost = !owner.host || owner.host === hostname();
      if (Number.isInteger(ownerPid) && ownerPid > 0 && sameHost && isAlive(ownerPid) && ownerPid !== process.pid) {
        throw new DataDirLockedError(lockPath, ownerPid);
      }
      if (ownerPid === process.pid) throw new DataDirLockedError(lockPath, ownerPid);
      // The owner died without releasing it: take it over.
      try {
        unlinkSync(lockPath);
      } catch {
        // someone else removed it first; retry the exclusive create
      }
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}
