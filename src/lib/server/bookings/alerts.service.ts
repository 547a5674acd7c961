import type { PersonActor } from '../households/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { BookingDeps } from './booking-notices.ts';
import { bookingErrors } from './bookings.errors.ts';
import { deleteAlert, findActiveHouseholdId, findService, findSlot, insertAlert, listChildrenOfHousehold, upsertRegistrationRequest } from './bookings.queries.ts';
import { idSchema } from './bookings.schemas.ts';

/** "Tell me when a seat opens": one mail the next time a seat frees up in this slot. */
export async function subscribeSeatAlert(deps: BookingDeps, actor: PersonActor, slotId: string): Promise<Result<{ slotId: string }>> {
  if (!idSchema.safeParse(slotId).success) return failure(bookingErrors.notFound);
  const slot = await findSlot(deps.database.db, actor.municipalityId, slotId);
  if (!slot) return failure(bookingErrors.notFound);
  if (slot.status !== 'open') return failure(bookingErrors.slotClosed);
  await insertAlert(deps.database.db, { slotId, userId: actor.userId, municipalityId: actor.municipalityId });
  return ok({ slotId });
}

export async function unsubscribeSeatAlert(deps: BookingDeps, actor: PersonActor, slotId: string): Promise<Result<{ slotId: string }>> {
  if (!idSchema.safeParse(slotId).success) return failure(bookingErrors.notFound);
  await deleteAlert(deps.database.db, slotId, actor.userId);
  return ok({ slotId });
}

/**
 * Asks the facility to register a child (事前登録) before a first booking; the provider confirms it.
 * Asking again after a refusal asks anew; an approved registration stays approved.
 */
export async function requestRegistration(deps: BookingDeps, actor: PersonActor, serviceId: string, childId: string): Promise<Result<{ childId: string }>> {
  if (!idSchema.safeParse(serviceId).success || !idSchema.safeParse(childId).success) return failure(bookingErrors.notFound);
  const db = deps.database.db;
  const service = await findService(db, actor.municipalityId, serviceId);
  if (!service) return failure(bookingErrors.notFound);
  const householdId = await findActiveHouseholdId(db, actor.userId, actor.municipalityId);
  if (!householdId) return failure(bookingErrors.noHousehold);
  if (!(await listChildrenOfHousehold(db, householdId)).some((c) => c.id === childId)) return failure(bookingErrors.notFound);
  await db.transaction().execute(async (trx) => {
    await upsertRegistrationRequest(trx, { municipalityId: actor.municipalityId, placeId: service.place_id, householdId, childId, requestedBy: actor.userId });
    await writeAudit(trx, actor, { action: 'request_registration', recordType: 'child', recordId: childId });
  });
  return ok({ childId });
}
