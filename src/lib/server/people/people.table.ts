import type { Generated } from 'kysely';

export interface PersonProfileTable {
  user_id: string;
  municipality_id: string;
  language: Generated<string>;
  notify_email: Generated<boolean>;
  notify_push: Generated<boolean>;
  quiet_hours_start: string | null;
  quiet_hours_end: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ConsentTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  purpose: string;
  is_granted: boolean;
  recorded_at: Generated<Date>;
  request_id: string | null;
}

export interface DeletionRecordTable {
  id: Generated<string>;
  municipality_id: string | null;
  subject_id: string;
  requested_at: Date;
  completed_at: Generated<Date>;
  kept: Generated<string>;
}

/** better-auth's user table, as far as our queries read it. */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: boolean;
  image: string | null;
  createdAt: Date;
  updatedAt: Date;
  twoFactorEnabled: boolean | null;
}

export interface SessionTable {
  id: string;
  userId: string;
  token: string;
  expiresAt: Date;
  createdAt: Date;
  updatedAt: Date;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface PeopleTables {
  person_profile: PersonProfileTable;
  consent: ConsentTable;
  deletion_record: DeletionRecordTable;
  user: UserTable;
  session: SessionTable;
}
