// A booking load in its own process, for the crash test: it books as fast as it can and prints one
// line per attempt before it starts (START) and once the service answered (DONE / REFUSED), so the
// test that kills it with SIGKILL knows which confirmations reached "the client".
// Usage: node booking-load.ts <fixture.json>  (DATABASE_URL or HAGUKUMI_DATA_DIR chooses the database)
import { readFileSync } from 'node:fs';
import { startApp } from '../../app.ts';
import { readConfig } from '../../platform/config.ts';
import { reserveSlot } from '../bookings.service.ts';

interface Fixture {
  slotId: string;
  households: { actor: { userId: string; municipalityId: string }; childIds: string[] }[];
  concurrency: number;
}

const fixture = JSON.parse(readFileSync(process.argv[2], 'utf8')) as Fixture;
const app = await startApp({ config: readConfig(), runWorkers: false, skipLock: true, migrate: false, mailer: { send: async () => {} } });
const write = (line: string) => process.stdout.write(`${line}\n`);
write('READY');

let next = 0;
async function worker() {
  while (next < fixture.households.length) {
    const index = next++;
    const household = fixture.households[index];
    const key = `crash-${index}`;
    write(`START ${key}`);
    const result = await reserveSlot(app, { ...household.actor, requestId: key }, { slotId: fixture.slotId, childIds: household.childIds, idempotencyKey: key }, 'api');
    write(result.ok ? `DONE ${key} ${result.value.status} ${result.value.bookingId} ${result.value.seats}` : `REFUSED ${key} ${result.error.code}`);
  }
}
await Promise.all(Array.from({ length: fixture.concurrency }, worker));
write('FINISHED');
await app.stop();
