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

export async function listMunicipalityHosts(db: Db, municipalityId: string) {
  const rows = await db.selectFrom('municipality_host').select('host').where('municipality_id', '=', municipalityId).orderBy('host').execute();
  return rows.map((r) => r.host);
}

export async function findHostOwner(db: Db, host: string) {
  return db.selectFrom('municipality_host').select('municipality_id').where('host', '=', host).executeTakeFirst();
}

export async function deleteMunicipalityHost(db: Db, municipalityId: string, host: string): Promise<number> {
  const result = await db.deleteFrom('municipality_host').where('municipality_id', '=', municipalityId).where('host', '=', host).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findDistrictByCode(db: Db, municipalityId: string, code: string) {
  return db.selectFrom('district').select(['id']).where('municipality_id', '=', municipalityId).where('code', '=', code).executeTakeFirst();
}

export async function updateDistrict(
  db: Db,
  municipalityId: string,
  districtId: string,
  row: { code: string; name: string; nameKana: string; nameEn: string; sortOrder: number }
): Promise<number> {
  const result = await db
    .updateTable('district')
    .set({ code: row.code, name: row.name, name_kana: row.nameKana, name_en: row.nameEn, sort_order: row.sortOrder })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', districtId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function setDistrictActive(db: Db, municipalityId: string, districtId: string, isActive: boolean): Promise<number> {
  const result = await db
    .updateTable('district')
    .set({ is_active: isActive })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', districtId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function deleteDistrict(db: Db, municipalityId: string, districtId: string): Promise<number> {
  const result = await db.deleteFrom('district').where('municipality_id', '=', municipalityId).where('id', '=', districtId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findDepartment(db: Db, municipalityId: string, departmentId: string) {
  return db
    .selectFrom('department')
    .select(['id', 'code', 'name', 'name_en'])
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
}

export async function findDepartmentByCode(db: Db, municipalityId: string, code: string) {
  return db
    .selectFrom('department')
    .select(['id', 'code', 'name', 'name_en'])
    .where('municipality_id', '=', municipalityId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function updateDepartment(db: Db, municipalityId: string, departmentId: string, row: { name: string; nameEn: string }): Promise<number> {
  const result = await db
    .updateTable('department')
    .set({ name: row.name, name_en: row.nameEn })
    .where('municipality_id', '=', municipalityId)
    .where('id', '=', departmentId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
