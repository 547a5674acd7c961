// `npm run test:e2e`: builds the app, then runs the Playwright journeys against it.
import { spawnSync } from 'node:child_process';

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run('npm', ['run', '-s', 'build']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
