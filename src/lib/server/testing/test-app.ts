import { cpSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { startApp, type App } from '../app.ts';
import { readConfig, type AppConfig } from '../platform/config.ts';
import type { Mailer, MailMessage } from '../mail/mailer.ts';

export interface TestApp extends App {
  /** Every message the app sent, oldest first. */
  sentMail: MailMessage[];
}

/**
 * A private, migrated database for one test file: a copy of the run's PGlite template, or a clone of
 * the PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export async function openTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const template = inject('databaseTemplate');
  const sentMail: MailMessage[] = [];
  const mailer: Mailer = {
    async send(message) {
      sentMail.push(message);
    }
  };
  let config: AppConfig;
  if (template.kind === 'postgres') {
    const name = `hagukumi_t_${template.templateName.replace('hagukumi_template_', '')}_${randomUUID().slice(0, 8)}`;
    const admin = new pg.Client({ connectionString: template.serverUrl });
    await admin.connect();
    await admin.query(`create database ${name} template ${template.templateName}`);
    await admin.end();
    const url = new URL(template.serverUrl);
    url.pathname = `/${name}`;
    config = { ...readConfig({}), databaseUrl: url.toString(), dataDir: join(process.cwd(), '.test-data', 'pg-secret'), ...overrides };
  } else {
    const dataDir = join(template.root, randomUUID());
    cpSync(template.templateDir, dataDir, { recursive: true });
    if (existsSync(`${template.templateDir}.secret`)) copyFileSync(`${template.templateDir}.secret`, `${dataDir}.secret`);
    config = { ...readConfig({}), databaseUrl: undefined, dataDir, ...overrides };
  }
  const app = await startApp({ config, mailer, runWorkers: false, skipLock: true, migrate: false });
  return Object.assign(app, { sentMail });
}

/** A Request as a browser would send it, for services that read headers (sessions, addresses). */
export function browserHeaders(cookie?: string, address = '203.0.113.7'): Headers {
  const headers = new Headers({ 'x-forwarded-for': address, 'user-agent': 'vitest' });
  if (cookie) headers.set('cookie', cookie);
  return headers;
}
