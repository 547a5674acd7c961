import type { Generated } from 'kysely';

export interface PostTable {
  id: Generated<string>;
  municipality_id: string;
  organization_id: string;
  kind: string;
  status: Generated<string>;
  title_ja: string;
  body_ja: string;
  title_en: Generated<string>;
  body_en: Generated<string>;
  title_easy: Generated<string>;
  body_easy: Generated<string>;
  volunteer_roles: Generated<string>;
  volunteer_dates: Generated<string>;
  volunteer_requirements: Generated<string>;
  /** When a scheduled post is due. */
  publish_at: Date | null;
  /** The first publication; it stays when the post is edited or unpublished. */
  published_at: Date | null;
  /** The last edit after the first publication (shown as 「更新」). */
  revised_at: Date | null;
  unpublished_at: Date | null;
  unpublished_by_staff: Generated<boolean>;
  unpublish_reason: Generated<string>;
  created_by: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PostPhotoTable {
  id: Generated<string>;
  municipality_id: string;
  post_id: string;
  alt_text: string;
  width: number;
  height: number;
  thumb_width: number;
  thumb_height: number;
  bytes: number;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface VolunteerApplicationTable {
  id: Generated<string>;
  municipality_id: string;
  post_id: string;
  organization_id: string;
  applicant_user_id: string;
  message: string;
  status: Generated<string>;
  decision_message: Generated<string>;
  decided_at: Date | null;
  decided_by: string | null;
  created_at: Generated<Date>;
}

export interface InquiryThreadTable {
  id: Generated<string>;
  municipality_id: string;
  organization_id: string;
  resident_user_id: string;
  subject: string;
  event_id: string | null;
  status: Generated<string>;
  closed_at: Date | null;
  closed_by_side: string | null;
  created_at: Generated<Date>;
  last_message_at: Generated<Date>;
}

export interface InquiryMessageTable {
  id: Generated<string>;
  thread_id: string;
  author_side: string;
  author_user_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface OrganizationBlockTable {
  resident_user_id: string;
  organization_id: string;
  municipality_id: string;
  created_at: Generated<Date>;
}

export interface ContentReportTable {
  id: Generated<string>;
  municipality_id: string;
  post_id: string;
  reporter_user_id: string | null;
  reason: string;
  status: Generated<string>;
  resolution: Generated<string>;
  resolved_at: Date | null;
  resolved_by: string | null;
  created_at: Generated<Date>;
}

export interface PublishingTables {
  post: PostTable;
  post_photo: PostPhotoTable;
  volunteer_application: VolunteerApplicationTable;
  inquiry_thread: InquiryThreadTable;
  inquiry_message: InquiryMessageTable;
  organization_block: OrganizationBlockTable;
  content_report: ContentReportTable;
}
