import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

// Aggregate counts only: these read other domains' tables directly, by agreement, and never return a row
// about a person, a household or a child.

export async function countWardTotals(db: Db, municipalityId: string) {
  const row = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('household').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).as('households'),
      eb.selectFrom('child').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).as('children'),
      eb
        .selectFrom('pregnancy')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('municipality_id', '=', municipalityId)
        .where('outcome', 'is', null)
        .as('pregnancies'),
      eb.selectFrom('person_profile').select(sql<number>`count(*)::int`.as('n')).where('municipality_id', '=', municipalityId).as('people')
    ])
    .executeTakeFirstOrThrow();
  return {
    households: Number(row.households ?? 0),
    children: Number(row.children ?? 0),
    activePregnancies: Number(row.pregnancies ?? 0),
    people: Number(row.people ?? 0)
  };
}

export async function countHouseholdsByDistrict(db: Db, municipalityId: string) {
  return db
    .selectFrom('district')
    .leftJoin('household', (join) =>
      join.onRef('household.district_id', '=', 'district.id').onRef('household.municipality_id', '=', 'district.municipality_id')
    )
    .select(['district.id', 'district.code', 'district.name', 'district.name_en', 'district.is_active', sql<number>`count(household.id)::int`.as('households')])
    .where('district.municipality_id', '=', municipalityId)
    .groupBy(['district.id', 'district.code', 'district.name', 'district.name_en', 'district.is_active', 'district.sort_order'])
    .orderBy('district.sort_order')
    .orderBy('district.code')
    .execute();
}
