import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { RuleContent, RuleFilters, Trigger } from './rules.ts';

export interface GuidanceRuleSetTable {
  municipality_id: string;
  set_key: string;
  version: number;
  loaded_at: Generated<Date>;
}

export interface GuidanceRuleTable {
  id: Generated<string>;
  municipality_id: string;
  rule_key: string;
  version: Generated<number>;
  source_version: number | null;
  kind: string;
  subject: string;
  trigger: JSONColumnType<Trigger>;
  filters: JSONColumnType<RuleFilters>;
  after_window: string;
  linger_days: Generated<number>;
  continues_after: ColumnType<string[], string[] | undefined, string[]>;
  department_code: string;
  content: JSONColumnType<RuleContent>;
  unverified_note: string | null;
  sort_order: Generated<number>;
  is_published: Generated<boolean>;
  edited_by: string | null;
  edited_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface GuidanceItemRecordTable {
  id: Generated<string>;
  municipality_id: string;
  household_id: string;
  child_id: string | null;
  pregnancy_id: string | null;
  rule_key: string;
  occurrence: Generated<number>;
  status: 'done' | 'not_applicable';
  done_on: string | null;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface ImmunisationDoseTable {
  id: Generated<string>;
  municipality_id: string;
  household_id: string;
  child_id: string;
  vaccine: string;
  dose: number;
  given_on: string;
  brand: 'rv1' | 'rv5' | null;
  recorded_by: string | null;
  recorded_at: Generated<Date>;
}

export interface GuidanceNoticeTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  household_id: string;
  subject_type: 'child' | 'pregnancy';
  subject_id: string;
  rule_key: string;
  occurrence: Generated<number>;
  rule_version: number;
  window_start: string;
  window_end: string | null;
  planned_on: string;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface GuidanceTables {
  guidance_notice: GuidanceNoticeTable;
  guidance_rule_set: GuidanceRuleSetTable;
  guidance_rule: GuidanceRuleTable;
  guidance_item_record: GuidanceItemRecordTable;
  immunisation_dose: ImmunisationDoseTable;
}
