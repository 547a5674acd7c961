import type { Db } from '../db/database.ts';
import type { Actor } from '../platform/audit.queries.ts';
import { findActiveHouseholdOf } from './households.queries.ts';

/** A signed-in person acting in one municipality. */
export interface PersonActor extends Actor {
  userId: string;
}

export type ActiveHousehold = NonNullable<Awaited<ReturnType<typeof findActiveHouseholdOf>>>;

/**
 * The household the actor is an active guardian of in this municipality, looked up on every call:
 * a guardian whose access was removed has none from that moment on.
 */
export async function activeHouseholdOf(db: Db, actor: PersonActor): Promise<ActiveHousehold | undefined> {
  return findActiveHouseholdOf(db, actor.userId, actor.municipalityId);
}
