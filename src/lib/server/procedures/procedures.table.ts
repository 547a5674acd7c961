import type { Generated, JSONColumnType } from 'kysely';
import type { Answers, FormField } from './procedure-fields.ts';

export type SubmissionStatus = 'draft' | 'received' | 'in_review' | 'done' | 'returned';

export interface ProcedureFormTable {
  id: Generated<string>;
  municipality_id: string;
  builtin_key: string | null;
  title: string;
  purpose: string;
  fields: JSONColumnType<FormField[]>;
  published_version: number | null;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProcedureFormVersionTable {
  id: Generated<string>;
  form_id: string;
  version: number;
  title: string;
  purpose: string;
  fields: JSONColumnType<FormField[]>;
  published_by: string | null;
  published_at: Generated<Date>;
}

export interface ProcedureRuleLinkTable {
  municipality_id: string;
  rule_key: string;
  form_id: string;
  linked_by: string | null;
  linked_at: Generated<Date>;
}

export interface ProcedureRequestTable {
  id: Generated<string>;
  municipality_id: string;
  form_id: string;
  household_id: string;
  user_id: string;
  message: string | null;
  sent_by: string | null;
  created_at: Generated<Date>;
}

export interface ProcedureSubmissionTable {
  id: Generated<string>;
  municipality_id: string;
  form_id: string;
  form_version_id: string;
  household_id: string;
  request_id: string | null;
  subject_type: 'child' | 'pregnancy' | null;
  subject_id: string | null;
  rule_key: string | null;
  occurrence: Generated<number>;
  notice_id: string | null;
  status: SubmissionStatus;
  answers: JSONColumnType<Answers>;
  return_message: string | null;
  created_by: string;
  submitted_by: string | null;
  submitted_at: Date | null;
  reviewed_by: string | null;
  reviewed_at: Date | null;
  completed_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ProcedureTables {
  procedure_form: ProcedureFormTable;
  procedure_form_version: ProcedureFormVersionTable;
  procedure_rule_link: ProcedureRuleLinkTable;
  procedure_request: ProcedureRequestTable;
  procedure_submission: ProcedureSubmissionTable;
}
