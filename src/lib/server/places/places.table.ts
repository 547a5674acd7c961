import type { Generated } from 'kysely';

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
}

export interface PlaceTables {
  place: PlaceTable;
}
