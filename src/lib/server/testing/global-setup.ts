import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startApp } from '../app.ts';
import { readConfig } from '../platform/config.ts';

/**
 * Migrates one template per run: a PGlite data folder that each test file copies (~0.4 s), or, when
 * TEST_DATABASE_URL is set, a PostgreSQL database that each test file clones with CREATE DATABASE … TEMPLATE.
 */
export default async function setup(project: TestProject) {
  const runId = `${process.pid}-${Date.now()}`;
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const templateName = `hagukumi_template_${runId.replace(/-/g, '_')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${templateName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${templateName}`;
    const app = await startApp({ config: { ...readConfig({}), databaseUrl: url.toString(), dataDir: resolve('.test-data/pg-secret') }, runWorkers: false });
    await app.stop();
    project.provide('databaseTemplate', { kind: 'postgres', serverUrl, templateName });
    return async () => {
      const result = await admin.query(`select datname from pg_database where datname like $1`, [`hagukumi_t_${runId.replace(/-/g, '_')}%`]);
      for (const row of result.rows) await admin.query(`drop database if exists ${row.datname} with (force)`);
      await admin.query(`drop database if exists ${templateName} with (force)`);
      await admin.end();
    };
  }
  const root = resolve('.test-data', runId);
  mkdirSync(root, { recursive: true });
  const templateDir = join(root, 'template');
  const app = await startApp({ config: { ...readConfig({}), databaseUrl: undefined, dataDir: templateDir }, runWorkers: false });
  await app.stop();
  project.provide('databaseTemplate', { kind: 'pglite', templateDir, root, runId });
  return () => rmSync(root, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate:
      | { kind: 'postgres'; serverUrl: string; templateName: string }
      | { kind: 'pglite'; templateDir: string; root: string; runId: string };
  }
}
