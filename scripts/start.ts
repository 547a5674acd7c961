// `npm start`: builds when the sources are newer than the build, then runs the server.
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const root = new URL('..', import.meta.url).pathname;
const stamp = join(root, 'build', '.built-at');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'paraglide') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

const inputs = ['src', 'messages', 'static', 'vite.config.ts', 'package.json', 'project.inlang'].map((p) => join(root, p));
const sourcesChanged = !existsSync(stamp) || Math.max(...inputs.filter(existsSync).map(newestMtime)) > statSync(stamp).mtimeMs;

if (sourcesChanged) {
  console.log('Building Hagukumi (first start or changed sources)…');
  const result = spawnSync('npm', ['run', '-s', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stamp, new Date().toISOString());
}

process.env.NODE_ENV ??= 'production';
process.env.PORT ??= '3000';
process.env.BODY_SIZE_LIMIT ??= '10M';
await import(join(root, 'build', 'index.js'));
