import type { App } from './app.ts';

/**
 * The process-wide app, set once at start. Kept on globalThis so the start script and the built
 * server share one database owner (PGlite must never be opened twice in a process).
 */
const KEY = Symbol.for('hagukumi.app');
type Holder = { [KEY]?: App };

export function setRunningApp(app: App | undefined): void {
  (globalThis as Holder)[KEY] = app;
}

export function getRunningApp(): App {
  const app = (globalThis as Holder)[KEY];
  if (!app) throw new Error('Hagukumi has not started yet');
  return app;
}

export function findRunningApp(): App | undefined {
  return (globalThis as Holder)[KEY];
}
