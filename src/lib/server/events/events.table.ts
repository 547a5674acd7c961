import type { Generated } from 'kysely';

export type EventStatus = 'draft' | 'published' | 'unpublished';
export type EventRegistration = 'none' | 'bookings' | 'external';
export type EventCapacityUnit = 'people' | 'households';

/** An event of an organization, or one imported from a municipality's イベント一覧 (no organization). */
export interface EventTable {
  id: Generated<string>;
  municipality_id: string;
  organization_id: string | null;
  status: Generated<EventStatus>;
  title: string;
  title_en: Generated<string>;
  title_easy: Generated<string>;
  description: Generated<string>;
  description_en: Generated<string>;
  description_easy: Generated<string>;
  category: Generated<string>;
  place_id: string | null;
  place_name: Generated<string>;
  address: Generated<string>;
  lat: number | null;
  lng: number | null;
  district_id: string | null;
  min_age_months: number | null;
  max_age_months: number | null;
  fee_yen: Generated<number>;
  fee_note: Generated<string>;
  registration: Generated<EventRegistration>;
  registration_note: Generated<string>;
  capacity: number | null;
  capacity_unit: EventCapacityUnit | null;
  /** The bookings service registrations go through (one slot per occurrence). */
  service_id: string | null;
  recurrence: Generated<'single' | 'weekly'>;
  repeat_weeks: Generated<number>;
  first_date: string;
  start_time: string;
  end_time: string;
  /** First and last occurrence (Tokyo dates), for the date filters. */
  starts_on: string;
  ends_on: string;
  organizer_name: Generated<string>;
  contact_name: Generated<string>;
  contact_phone: Generated<string>;
  url: Generated<string>;
  access: Generated<string>;
  source_dataset: string | null;
  source_key: string | null;
  created_by: string | null;
  published_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EventOccurrenceTable {
  id: Generated<string>;
  event_id: string;
  municipality_id: string;
  occurs_on: string;
  starts_at: Date;
  ends_at: Date;
  slot_id: string | null;
}

export interface EventImportTable {
  id: Generated<string>;
  municipality_id: string;
  created_by: string | null;
  file_name: string;
  bytes: Uint8Array;
  status: Generated<'preview' | 'imported' | 'failed'>;
  encoding: Generated<string>;
  layout: Generated<string>;
  preview: unknown;
  result: unknown;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface EventTables {
  event: EventTable;
  event_occurrence: EventOccurrenceTable;
  event_import: EventImportTable;
}
