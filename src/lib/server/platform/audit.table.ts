import type { Generated } from 'kysely';

export interface AuditLogTable {
  id: Generated<number>;
  municipality_id: string | null;
  actor_user_id: string | null;
  action: string;
  record_type: string;
  record_id: string | null;
  at: Generated<Date>;
  request_id: string | null;
  address: string | null;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
