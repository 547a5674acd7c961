import type { Generated } from 'kysely';

export type RiskCategory = 'self_harm' | 'child_harm' | 'dv' | 'acute_crisis';
export type PostStatus = 'public' | 'held' | 'hidden' | 'blocked';
export type HoldReason = 'risk' | 'watched_word' | 'flags';
export type RiskLevel = 'none' | 'concern' | 'high';
export type ConsultationStatus = 'new' | 'contacted' | 'closed';

export interface ForumSettingsTable {
  municipality_id: string;
  new_account_days: Generated<number>;
  new_account_public_posts: Generated<number>;
  new_account_daily_posts: Generated<number>;
  edit_window_minutes: Generated<number>;
  flag_hide_threshold: Generated<number>;
  updated_at: Generated<Date>;
  updated_by: string | null;
}

export interface ForumTopicTable {
  id: Generated<string>;
  municipality_id: string;
  kind: 'age' | 'theme';
  code: string;
  name: string;
  name_en: string;
  name_easy: string;
  sort_order: Generated<number>;
}

export interface ForumThreadTable {
  id: Generated<string>;
  municipality_id: string;
  age_topic: string;
  theme_topic: string;
  title: string;
  created_by: string | null;
  created_at: Generated<Date>;
  last_public_post_at: Date | null;
}

export interface ForumPseudonymTable {
  thread_id: string;
  user_id: string;
  position: number;
  age_key: string;
  persona: string;
}

export interface ForumPostTable {
  id: Generated<string>;
  /** Insertion order, for posts written in the same instant. */
  seq: Generated<string>;
  municipality_id: string;
  thread_id: string;
  author_id: string | null;
  is_opening: Generated<boolean>;
  body: string;
  status: PostStatus;
  hold_reason: HoldReason | null;
  risk_categories: Generated<string[]>;
  risk_level: Generated<RiskLevel>;
  professional_role: 'health_professional' | 'coordinator' | null;
  professional_label: string | null;
  private_for_post_id: string | null;
  urgent_since: Date | null;
  urgent_handled_at: Date | null;
  urgent_handled_by: string | null;
  first_professional_reply_at: Date | null;
  hidden_reason: string | null;
  moderator_note: string | null;
  created_at: Generated<Date>;
  edited_at: Date | null;
  deleted_at: Date | null;
}

export interface ForumPostRevisionTable {
  id: Generated<string>;
  municipality_id: string;
  post_id: string;
  body: string;
  edited_by: string | null;
  by_moderator: Generated<boolean>;
  replaced_at: Generated<Date>;
}

export interface ForumReactionTable {
  post_id: string;
  user_id: string;
  municipality_id: string;
  created_at: Generated<Date>;
}

export interface ForumFollowTable {
  thread_id: string;
  user_id: string;
  municipality_id: string;
  created_at: Generated<Date>;
}

export interface ForumFlagTable {
  id: Generated<string>;
  municipality_id: string;
  post_id: string;
  user_id: string | null;
  reason: string;
  note: Generated<string>;
  is_trusted: boolean;
  created_at: Generated<Date>;
  resolved_at: Date | null;
  resolved_by: string | null;
}

export interface ForumNoticeTable {
  id: Generated<string>;
  seq: Generated<string>;
  municipality_id: string;
  user_id: string;
  kind: string;
  thread_id: string | null;
  post_id: string | null;
  reason: Generated<string>;
  created_at: Generated<Date>;
  read_at: Date | null;
}

export interface ForumWatchedWordTable {
  id: Generated<string>;
  municipality_id: string;
  pattern: string;
  is_regex: Generated<boolean>;
  action: 'block' | 'hold' | 'flag' | 'replace';
  replacement: Generated<string>;
  message: Generated<string>;
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface ForumRiskTermTable {
  id: Generated<string>;
  municipality_id: string;
  category: RiskCategory | 'innocent';
  level: 'high' | 'concern';
  pattern: string;
  is_regex: Generated<boolean>;
  language: 'ja' | 'ja-x-easy' | 'en';
  created_at: Generated<Date>;
  created_by: string | null;
}

export interface ForumContactTable {
  id: Generated<string>;
  municipality_id: string;
  categories: string[];
  name: string;
  phone: Generated<string>;
  hours: Generated<string>;
  description: Generated<string>;
  sort_order: Generated<number>;
}

export interface ForumModerationActionTable {
  id: Generated<string>;
  municipality_id: string;
  post_id: string | null;
  target_user_id: string | null;
  moderator_id: string | null;
  action: 'approve' | 'hide' | 'edit' | 'warn' | 'suspend' | 'release';
  reason: Generated<string>;
  created_at: Generated<Date>;
}

export interface ForumSuspensionTable {
  id: Generated<string>;
  municipality_id: string;
  user_id: string;
  until: Date;
  reason: string;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ForumConsultationTable {
  id: Generated<string>;
  municipality_id: string;
  thread_id: string;
  post_id: string | null;
  user_id: string | null;
  offered_by: string | null;
  contact_method: 'phone' | 'email' | 'visit' | 'online';
  contact_detail: Generated<string>;
  preferred_time: string;
  consent_text: string;
  consented_at: Date;
  status: Generated<ConsultationStatus>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface ForumConsultationNoteTable {
  id: Generated<string>;
  municipality_id: string;
  consultation_id: string;
  author_id: string | null;
  status_to: ConsultationStatus;
  note: Generated<string>;
  created_at: Generated<Date>;
}

export interface ForumTables {
  forum_settings: ForumSettingsTable;
  forum_topic: ForumTopicTable;
  forum_thread: ForumThreadTable;
  forum_pseudonym: ForumPseudonymTable;
  forum_post: ForumPostTable;
  forum_post_revision: ForumPostRevisionTable;
  forum_reaction: ForumReactionTable;
  forum_follow: ForumFollowTable;
  forum_flag: ForumFlagTable;
  forum_notice: ForumNoticeTable;
  forum_watched_word: ForumWatchedWordTable;
  forum_risk_term: ForumRiskTermTable;
  forum_contact: ForumContactTable;
  forum_moderation_action: ForumModerationActionTable;
  forum_suspension: ForumSuspensionTable;
  forum_consultation: ForumConsultationTable;
  forum_consultation_note: ForumConsultationNoteTable;
}
