import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { findRunningApp } from '#lib/server/runtime.ts';

export const GET: RequestHandler = async () => {
  const app = findRunningApp();
  if (!app) return json({ status: 'starting' }, { status: 503 });
  try {
    await app.database.pool.query('select 1');
    return json({ status: 'ok', database: app.database.kind });
  } catch {
    return json({ status: 'database_unavailable' }, { status: 503 });
  }
};
