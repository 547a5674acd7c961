import type { Generated } from 'kysely';

export interface RoleAssignmentTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  role: string;
  scope_type: string | null;
  scope_id: string | null;
  valid_from: string;
  valid_to: string | null;
  granted_by: string | null;
  created_at: Generated<Date>;
}

export interface AuthThrottleTable {
  id: Generated<number>;
  key: string;
  failed_at: Generated<Date>;
}

/** better-auth's twoFactor table (plugin), as far as our queries read it. */
export interface TwoFactorTable {
  id: string;
  userId: string;
  secret: string;
  backupCodes: string;
  verified: boolean | null;
}

export interface AuthTables {
  role_assignment: RoleAssignmentTable;
  auth_throttle: AuthThrottleTable;
  twoFactor: TwoFactorTable;
}
