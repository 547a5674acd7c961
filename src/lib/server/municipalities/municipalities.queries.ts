import type { Db } from '../db/database.ts';

export async function findMunicipalityByHost(db: Db, host: string) {
  return db
    .selectFrom('municipality_host')
    .innerJoin('municipality', 'municipality.id', 'municipality_host.municipality_id')
    .select(['municipality.id', 'municipality.code', 'municipality.name', 'municipality.name_en', 'municipality.name_easy', 'municipality.prefecture'])
    .where('municipality_host.host', '=', host)
    .executeTakeFirst();
}

export async function listMunicipalities(db: Db) {
  return db
    .selectFrom('municipality')
    .select(['id', 'code', 'name', 'name_en', 'name_easy', 'prefecture'])
    .orderBy('created_at')
    .execute();
}

export async function findMunicipalityById(db: Db, id: string) {
  return db
    .selectFrom('municipality')
    .select(['id', 'code', 'name', 'name_en', 'name_easy', 'prefecture'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertMunicipality(db: Db, row: { code: string; name: string; nameEn?: string; nameEasy?: string; prefecture?: string }) {
  return db
    .insertInto('municipality')
    .values({ code: row.code, name: row.name, name_en: row.nameEn ?? '', name_easy: row.nameEasy ?? '', prefecture: row.prefecture ?? '' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateMunicipality(db: Db, id: string, row: { code: string; name: string; nameEn: string; nameEasy: string; prefecture: string }) {
  await db
    .updateTable('municipality')
    .set({ code: row.code, name: row.name, name_en: row.nameEn, name_easy: row.nameEasy, prefecture: row.prefecture })
    .where('id', '=', id)
    .execute();
}

export async function insertMunicipalityHost(db: Db, host: string, municipalityId: string) {
  await db.insertInto('municipality_host').values({ host, municipality_id: municipalityId }).execute();
}

export async function listDistricts(db: Db, municipalityId: string, options: { includeInactive?: boolean } = {}) {
  let query = db
    .selectFrom('district')
    .select(['id', 'code', 'name', 'name_kana', 'name_en', 'sort_order', 'is_active'])
    .where('municipality_id', '=', municipalityId);
  if (!options.includeInactive) query = query.where('is_active', '=', true);
  return query.orderBy('sort_order').orderBy('code').execute();
}

export async function findDistrict(db: Db, municipalityId: string, districtId: string) {
  return db
    .selectFrom('district')
    .select(['id', 'code', 'name', 'name_kana', 'name_en', 'sort_order', 'is_active'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', districtId)
    .executeTakeFirst();
}

export async function insertDistrict(db: Db, municipalityId: string, row: { code: string; name: string; nameKana?: string; nameEn?: string; sortOrder?: number }) {
  return db
    .insertInto('district')
    .values({ municipality_id: municipalityId, code: row.code, name: row.name, name_kana: row.nameKana ?? '', name_en: row.nameEn ?? '', sort_order: row.sortOrder ?? 0 })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertDepartment(db: Db, municipalityId: string, row: { code: string; name: string; nameEn?: string }) {
  return db
    .insertInto('department')
    .values({ municipality_id: municipalityId, code: row.code, name: row.name, name_en: row.nameEn ?? '' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function listDepartments(db: Db, municipalityId: string) {
  return db.selectFrom('department').select(['id', 'code', 'name', 'name_en']).where('municipality_id', '=', municipalityId).orderBy('code').execute();
}

export async function findMunicipalityByCode(db: Db, code: string) {
  return db.selectFrom('municipality').select(['id', 'code', 'name']).where('code', '=', code).executeTakeFirst();
}
