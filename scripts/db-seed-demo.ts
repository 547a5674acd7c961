// `npm run db:seed-demo`: loads the demo ward さくら区 with its demo accounts (once).
import { startApp } from '../src/lib/server/app.ts';
import { DataDirLockedError } from '../src/lib/server/db/data-dir-lock.ts';
import { seedDemoWardOnce, printDemoAccounts } from '../src/lib/server/demo/demo-ward.ts';

try {
  const app = await startApp({ runWorkers: false });
  const created = await seedDemoWardOnce(app);
  if (created) printDemoAccounts();
  else console.log('The demo ward さくら区 is already in this database; nothing was changed.');
  await app.stop();
} catch (error) {
  if (error instanceof DataDirLockedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
