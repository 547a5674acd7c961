import { afterEach, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirLockedError, lockDataDir, lockPathFor } from './data-dir-lock.ts';

const dirs: string[] = [];
function tempDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hagukumi-lock-'));
  dirs.push(dir);
  return join(dir, 'db');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A child process that takes the lock and waits until killed. */
function holdLockInChild(dataDir: string): Promise<ReturnType<typeof spawn>> {
  const child = spawn(process.execPath, [
    '--input-type=module',
    '-e',
    `import { lockDataDir } from ${JSON.stringify(new URL('./data-dir-lock.ts', import.meta.url).pathname)};
     lockDataDir(${JSON.stringify(dataDir)}); console.log('locked'); setInterval(() => {}, 1000);`
  ]);
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => String(chunk).includes('locked') && resolve(child));
    child.on('exit', (code) => reject(new Error(`child exited ${code}`)));
  });
}

describe('the embedded data folder lock', () => {
  it('refuses a second process while the first one holds the folder, naming its pid', async () => {
    const dataDir = tempDataDir();
    const child = await holdLockInChild(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
      expect(() => lockDataDir(dataDir)).toThrow(new RegExp(`pid ${child.pid}`));
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('takes over the lock of a process that was killed with kill -9', async () => {
    const dataDir = tempDataDir();
    const child = await holdLockInChild(dataDir);
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expect(existsSync(lockPathFor(dataDir))).toBe(true);
    const release = lockDataDir(dataDir);
    release();
    expect(existsSync(lockPathFor(dataDir))).toBe(false);
  });

  it('refuses a second open inside the same process', () => {
    const dataDir = tempDataDir();
    const release = lockDataDir(dataDir);
    try {
      expect(() => lockDataDir(dataDir)).toThrow(DataDirLockedError);
    } finally {
      release();
    }
  });

  it('treats an unreadable lock file as stale', () => {
    const dataDir = tempDataDir();
    writeFileSync(lockPathFor(dataDir), 'not json');
    const release = lockDataDir(dataDir);
    release();
  });
});
