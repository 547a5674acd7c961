import type { Generated } from 'kysely';

export interface OrganizationTable {
  /** Text: role assignments and places refer to organizations by a text id (uuid text by default). */
  id: Generated<string>;
  municipality_id: string;
  type: string;
  is_official: Generated<boolean>;
  /** For ward departments: the department's code in this municipality. */
  department_code: string | null;
  name: string;
  name_kana: string;
  purpose: Generated<string>;
  contact_email: Generated<string>;
  contact_phone: Generated<string>;
  url: Generated<string>;
  /** 法人番号, 13 digits with its check digit; null when the organization has none. */
  corporate_number: string | null;
  status: Generated<string>;
  /** Staff's latest message to the owner: what to add (needs_info) or why it was refused. */
  status_message: Generated<string>;
  submitted_at: Generated<Date>;
  verified_at: Date | null;
  suspended_at: Date | null;
  suspended_reason: Generated<string>;
  registered_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface OrganizationDistrictTable {
  organization_id: string;
  municipality_id: string;
  district_id: string;
}

export interface OrganizationMemberTable {
  organization_id: string;
  user_id: string;
  municipality_id: string;
  org_role: string;
  added_at: Generated<Date>;
}

export interface OrganizationInvitationTable {
  id: Generated<string>;
  municipality_id: string;
  organization_id: string;
  email: string;
  org_role: string;
  token_hash: string;
  invited_by: string;
  created_at: Generated<Date>;
  expires_at: Date;
  accepted_at: Date | null;
  accepted_by: string | null;
  revoked_at: Date | null;
}

export interface OrganizationReviewTable {
  id: Generated<string>;
  municipality_id: string;
  organization_id: string;
  action: string;
  message: Generated<string>;
  actor_user_id: string | null;
  at: Generated<Date>;
}

export interface OrganizationTables {
  organization: OrganizationTable;
  organization_district: OrganizationDistrictTable;
  organization_member: OrganizationMemberTable;
  organization_invitation: OrganizationInvitationTable;
  organization_review: OrganizationReviewTable;
}
