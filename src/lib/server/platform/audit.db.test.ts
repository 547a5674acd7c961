import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestApp, type TestApp } from '../testing/test-app.ts';
import { seedWard } from '../testing/fixtures.ts';
import { listAuditEntries, purgeAuditOlderThan, writeAudit } from './audit.queries.ts';

let app: TestApp;
let municipalityId: string;

beforeAll(async () => {
  app = await openTestApp();
  ({ municipalityId } = await seedWard(app));
});
afterAll(() => app.stop());

describe('the audit log', () => {
  it('keeps what a service appends', async () => {
    await writeAudit(app.database.db, { userId: 'u1', municipalityId, requestId: 'r1', address: '127.0.0.1' }, { action: 'read', recordType: 'pregnancy', recordId: 'p1' });
    const rows = await listAuditEntries(app.database.db, { recordType: 'pregnancy', recordId: 'p1' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ actor_user_id: 'u1', action: 'read', request_id: 'r1' });
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await writeAudit(app.database.db, { userId: 'u2', municipalityId }, { action: 'update', recordType: 'child', recordId: 'c1' });
    await expect(sql`update audit_log set action = 'changed'`.execute(app.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(app.database.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(app.database.db)).rejects.toThrow(/append-only/);
    const rows = await listAuditEntries(app.database.db, { recordType: 'child', recordId: 'c1' });
    expect(rows.map((r) => r.action)).toEqual(['update']);
  });

  it('lets the retention purge remove only entries older than its cutoff', async () => {
    const removed = await purgeAuditOlderThan(app.database.db, new Date('2000-01-01T00:00:00Z'));
    expect(removed).toBe(0);
    const all = await listAuditEntries(app.database.db, {});
    expect(all.length).toBeGreaterThanOrEqual(2);
    await expect(sql`delete from audit_log where action = 'read'`.execute(app.database.db)).rejects.toThrow(/append-only/);
  });
});
