import type { ColumnType, Generated } from 'kysely';

type Json<T> = ColumnType<T, string | undefined, string>;

/** One span of opening hours: days 0 = Sunday … 6 = Saturday; times 'HH:MM' in Tokyo time. */
export interface OpeningSpan {
  days: number[];
  open: string;
  close: string;
}

export interface PlaceTable {
  id: Generated<string>;
  municipality_id: string;
  /** The organization that runs the place (a role scope id); null for ward-run and imported places. */
  organization_id: string | null;
  category: string;
  name: string;
  name_kana: Generated<string>;
  address: Generated<string>;
  lat: number | null;
  lng: number | null;
  district_id: string | null;
  phone: Generated<string>;
  url: Generated<string>;
  description: Generated<string>;
  is_published: Generated<boolean>;
  /** Where an imported row came from, so a re-import updates it instead of adding a duplicate. */
  source_dataset: string | null;
  source_key: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  /** The publisher's own 種別 text, kept as published (the category is our mapping of it). */
  kind: Generated<string>;
  operator_name: Generated<string>;
  email: Generated<string>;
  fax: Generated<string>;
  postal_code: Generated<string>;
  access: Generated<string>;
  parking: Generated<string>;
  capacity: number | null;
  age_min_months: number | null;
  age_max_months: number | null;
  age_text: Generated<string>;
  opening_hours: Json<OpeningSpan[]>;
  hours_note: Generated<string>;
  has_nursing_room: boolean | null;
  has_diaper_changing: boolean | null;
  stroller_access: boolean | null;
  stroller_rental: boolean | null;
  has_temporary_care: boolean | null;
  has_sick_child_care: boolean | null;
  photos: Json<string[]>;
  photo_license: Generated<string>;
  authorized_on: ColumnType<string | null, string | null | undefined, string | null>;
  source_municipality_code: Generated<string>;
  /** Set by the bookings domain while the place has something that can be booked. */
  has_bookable_service: Generated<boolean>;
  search_text: Generated<string>;
  geo: ColumnType<unknown, never, never>;
}

export interface PlaceDistrictPointTable {
  district_id: string;
  municipality_id: string;
  lat: number;
  lng: number;
}

export interface PlaceImportTable {
  id: Generated<string>;
  municipality_id: string;
  created_by: string | null;
  file_name: string;
  file_bytes: Uint8Array;
  status: 'uploaded' | 'parsing' | 'needs_mapping' | 'preview' | 'imported' | 'failed';
  encoding: Generated<string>;
  layout: Generated<string>;
  publisher: Generated<string>;
  mapping: Json<Record<string, string> | null>;
  headers: Json<string[]>;
  progress_done: Generated<number>;
  progress_total: Generated<number>;
  preview: Json<unknown | null>;
  result: Json<unknown | null>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface PlaceImportMappingTable {
  municipality_id: string;
  publisher: string;
  header_signature: string;
  mapping: Json<Record<string, string>>;
  updated_at: Generated<Date>;
}

export interface PlaceTables {
  place: PlaceTable;
  place_district_point: PlaceDistrictPointTable;
  place_import: PlaceImportTable;
  place_import_mapping: PlaceImportMappingTable;
}
