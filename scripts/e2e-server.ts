// The server the browser journeys run against: a fresh embedded database with the demo ward.
import { rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const dataDir = resolve(process.env.HAGUKUMI_DATA_DIR || '.test-data/e2e/db');
rmSync(dirname(dataDir), { recursive: true, force: true });
await import(resolve(process.env.HAGUKUMI_BUILD_DIR || 'build', 'index.js'));
