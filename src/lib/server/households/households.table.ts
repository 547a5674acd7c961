import type { Generated } from 'kysely';

export interface HouseholdTable {
  id: Generated<string>;
  municipality_id: string;
  district_id: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HouseholdGuardianTable {
  household_id: string;
  user_id: string;
  municipality_id: string;
  added_at: Generated<Date>;
  removed_at: Date | null;
  removed_by: string | null;
}

export interface HouseholdInvitationTable {
  id: Generated<string>;
  municipality_id: string;
  household_id: string;
  email: string;
  token_hash: string;
  invited_by: string;
  created_at: Generated<Date>;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
}

export interface ChildTable {
  id: Generated<string>;
  municipality_id: string;
  household_id: string;
  name: string;
  birth_date: string;
  sex: 'female' | 'male' | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PregnancyTable {
  id: Generated<string>;
  municipality_id: string;
  household_id: string;
  due_date: string;
  fetus_count: number;
  outcome: 'birth' | 'loss' | 'moved_away' | null;
  outcome_date: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface HouseholdTables {
  household: HouseholdTable;
  household_guardian: HouseholdGuardianTable;
  household_invitation: HouseholdInvitationTable;
  child: ChildTable;
  pregnancy: PregnancyTable;
}
