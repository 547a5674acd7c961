import type { Generated } from 'kysely';

export interface MunicipalityTable {
  id: Generated<string>;
  code: string;
  name: string;
  name_en: Generated<string>;
  name_easy: Generated<string>;
  prefecture: Generated<string>;
  created_at: Generated<Date>;
}

export interface MunicipalityHostTable {
  host: string;
  municipality_id: string;
}

export interface DistrictTable {
  id: Generated<string>;
  municipality_id: string;
  code: string;
  name: string;
  name_kana: Generated<string>;
  name_en: Generated<string>;
  sort_order: Generated<number>;
  is_active: Generated<boolean>;
}

export interface DepartmentTable {
  id: Generated<string>;
  municipality_id: string;
  code: string;
  name: string;
  name_en: Generated<string>;
}

export interface MunicipalityTables {
  municipality: MunicipalityTable;
  municipality_host: MunicipalityHostTable;
  district: DistrictTable;
  department: DepartmentTable;
}
