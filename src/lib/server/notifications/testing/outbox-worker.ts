// The planner and the outbox worker in their own process, for the crash test: plans the day's notices,
// then sends every due delivery through the app's real e-mail channel (SMTP_URL), printing a line per
// batch. Usage: node outbox-worker.ts <business date> [minutes to move the clock ahead]
// (DATABASE_URL or HAGUKUMI_DATA_DIR chooses the database).
import { startApp } from '../../app.ts';
import { planAllNotices } from '../../guidance/index.ts';
import { readConfig } from '../../platform/config.ts';
import { now, setClock } from '../../platform/clock.ts';
import { deliverDueNotifications } from '../delivery.service.ts';

const [onDate, ahead] = process.argv.slice(2);
// A restart after a crash runs once the dead worker's leases have run out.
if (ahead) setClock(new Date(now().getTime() + Number(ahead) * 60_000));
const app = await startApp({ config: readConfig(), runWorkers: false, skipLock: true, migrate: false });
process.stdout.write(`PLANNED ${await planAllNotices(app.database.db, onDate)}\n`);
const report = await deliverDueNotifications(app);
process.stdout.write(`FINISHED ${JSON.stringify(report)}\n`);
await app.stop();
