import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { hashToken, newToken } from '../platform/ids.ts';
import { householdErrors } from './households.errors.ts';
import { fieldErrors, idSchema, invitationSchema, userIdSchema } from './households.schemas.ts';
import {
  countActiveGuardians,
  deleteHousehold,
  findInvitationByTokenHash,
  findPendingInvitation,
  findUserEmail,
  insertInvitation,
  isUniqueViolation,
  listActiveGuardians,
  listActiveMembershipsOf,
  listPendingInvitations,
  lockHousehold,
  markGuardianRemoved,
  markInvitationAccepted,
  revokeInvitation as revokeInvitationRow,
  revokeInvitationsSentBy,
  upsertGuardian
} from './households.queries.ts';
import { activeHouseholdOf, type PersonActor } from './household-access.ts';

/** An invitation link works for 7 days. */
export const INVITATION_VALID_DAYS = 7;

export interface GuardiansView {
  guardians: { userId: string; name: string; isYou: boolean }[];
  invitations: { id: string; email: string; createdAt: Date; expiresAt: Date }[];
}

/** The household's guardians (display names only) and its pending invitations. */
export async function getGuardians(app: App, actor: PersonActor): Promise<Result<GuardiansView>> {
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.noHousehold);
  const guardians = await listActiveGuardians(db, household.id);
  const invitations = await listPendingInvitations(db, household.id, now());
  return ok({
    guardians: guardians.map((g) => ({ userId: g.user_id, name: g.name, isYou: g.user_id === actor.userId })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, createdAt: i.created_at, expiresAt: i.expires_at }))
  });
}

/**
 * Invites a second guardian by email: a link valid for 7 days, of which only the hash is stored.
 * A newer invitation to the same address replaces a pending one.
 */
export async function inviteGuardian(
  app: App,
  actor: PersonActor,
  input: Record<string, unknown>,
  linkFor: (path: string) => string
): Promise<Result<{ id: string; email: string }>> {
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.noHousehold);
  const parsed = invitationSchema.safeParse(input);
  if (!parsed.success) return failure(householdErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const email = parsed.data.email;
  const guardians = await listActiveGuardians(db, household.id);
  for (const guardian of guardians) {
    if ((await findUserEmail(db, guardian.user_id))?.email.toLowerCase() === email) {
      return failure(householdErrors.invalidInput({ email: 'hh_error_invite_existing_guardian' }));
    }
  }
  const inviter = await findUserEmail(db, actor.userId);
  const token = newToken();
  const at = now();
  const expiresAt = new Date(at.getTime() + INVITATION_VALID_DAYS * 86_400_000);
  const pending = await listPendingInvitations(db, household.id, at);
  const id = await db.transaction().execute(async (trx) => {
    for (const old of pending.filter((p) => p.email === email)) {
      await revokeInvitationRow(trx, old.id, household.id);
      await writeAudit(trx, actor, { action: 'revoke', recordType: 'household_invitation', recordId: old.id });
    }
    const { id } = await insertInvitation(trx, {
      municipalityId: actor.municipalityId,
      householdId: household.id,
      email,
      tokenHash: hashToken(token),
      invitedBy: actor.userId,
      expiresAt
    });
    await writeAudit(trx, actor, { action: 'invite', recordType: 'household_invitation', recordId: id });
    return id;
  });
  const url = linkFor(`/family/invitations/accept?token=${encodeURIComponent(token)}`);
  const name = inviter?.name ?? '';
  await app.mailer.send({
    to: email,
    subject: '【育み】わが家のページへの招待 / Invitation to a household',
    text:
      `${name}さんから、育みの「わが家のページ」に保護者として参加する招待が届きました。\n` +
      `参加するには、このメールアドレスでログインして、${INVITATION_VALID_DAYS}日以内に次のリンクを開いてください。\n${url}\n\n` +
      `心当たりがない場合は、このメールを無視してください。リンクを開かなければ何も起こりません。\n\n` +
      `${name} invited you to join their household on Hagukumi as a guardian.\n` +
      `To join, sign in with this email address and open this link within ${INVITATION_VALID_DAYS} days:\n${url}\n\n` +
      `If you did not expect this, ignore this mail: nothing happens unless you open the link.\n`
  });
  return ok({ id, email });
}

/** Takes back a pending invitation: its link stops working at once. */
export async function revokeInvitation(app: App, actor: PersonActor, invitationId: string): Promise<Result<{ id: string }>> {
  if (!idSchema.safeParse(invitationId).success) return failure(householdErrors.notFound);
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.notFound);
  const invitation = await findPendingInvitation(db, invitationId, household.id, now());
  if (!invitation) return failure(householdErrors.notFound);
  await db.transaction().execute(async (trx) => {
    await revokeInvitationRow(trx, invitationId, household.id);
    await writeAudit(trx, actor, { action: 'revoke', recordType: 'household_invitation', recordId: invitationId });
  });
  return ok({ id: invitationId });
}

type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

async function usableInvitation(app: App, actor: PersonActor, token: string): Promise<Result<Invitation>> {
  if (!token || token.length > 200) return failure(householdErrors.invitationNotFound);
  const db = app.database.db;
  const invitation = await findInvitationByTokenHash(db, hashToken(token));
  if (!invitation || invitation.municipality_id !== actor.municipalityId) return failure(householdErrors.invitationNotFound);
  if (invitation.revoked_at) return failure(householdErrors.invitationRevoked);
  if (invitation.accepted_at) return failure(householdErrors.invitationUsed);
  if (invitation.expires_at.getTime() <= now().getTime()) return failure(householdErrors.invitationExpired);
  const me = await findUserEmail(db, actor.userId);
  if (!me || me.email.toLowerCase() !== invitation.email.toLowerCase()) return failure(householdErrors.invitationForSomeoneElse);
  return ok(invitation);
}

/** What the invitation page shows before the person accepts: who invited them. */
export async function previewInvitation(app: App, actor: PersonActor, token: string): Promise<Result<{ inviterName: string }>> {
  const found = await usableInvitation(app, actor, token);
  if (!found.ok) return found;
  const memberships = await listActiveMembershipsOf(app.database.db, actor.userId);
  if (memberships.some((m) => m.household_id === found.value.household_id)) return failure(householdErrors.alreadyGuardian);
  if (memberships.length > 0) return failure(householdErrors.alreadyInHousehold);
  return ok({ inviterName: found.value.inviter_name ?? '' });
}

/**
 * Accepts an invitation sent to the viewer's email address: the viewer becomes a guardian of the
 * household. A person already in another household must leave it first.
 */
export async function acceptInvitation(app: App, actor: PersonActor, token: string): Promise<Result<{ householdId: string }>> {
  const found = await usableInvitation(app, actor, token);
  if (!found.ok) return found;
  const invitation = found.value;
  const db = app.database.db;
  const memberships = await listActiveMembershipsOf(db, actor.userId);
  if (memberships.some((m) => m.household_id === invitation.household_id)) return failure(householdErrors.alreadyGuardian);
  if (memberships.length > 0) return failure(householdErrors.alreadyInHousehold);
  try {
    return await db.transaction().execute(async (trx) => {
      if (!(await markInvitationAccepted(trx, invitation.id, actor.userId, now()))) return failure(householdErrors.invitationUsed);
      await upsertGuardian(trx, { householdId: invitation.household_id, userId: actor.userId, municipalityId: actor.municipalityId });
      await writeAudit(trx, actor, { action: 'accept', recordType: 'household_invitation', recordId: invitation.id });
      return ok({ householdId: invitation.household_id });
    });
  } catch (error) {
    if (isUniqueViolation(error, 'household_guardian_one_active')) return failure(householdErrors.alreadyInHousehold);
    throw error;
  }
}

/** Another guardian of the viewer's household, for the confirmation page; anyone else is not found. */
export async function findOtherGuardian(app: App, actor: PersonActor, userId: string): Promise<Result<{ userId: string; name: string }>> {
  if (!userIdSchema.safeParse(userId).success) return failure(householdErrors.notFound);
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.notFound);
  const guardian = (await listActiveGuardians(db, household.id)).find((g) => g.user_id === userId);
  if (!guardian) return failure(householdErrors.notFound);
  if (guardian.user_id === actor.userId) return failure(householdErrors.cannotRemoveSelf);
  return ok({ userId: guardian.user_id, name: guardian.name });
}

/**
 * Removes another guardian's access to the household (DV safety). It takes effect at once: every
 * page looks up membership on each request. The removed person is not notified by the system, and
 * the invitations they sent stop working.
 */
export async function removeGuardian(app: App, actor: PersonActor, userId: string): Promise<Result<{ userId: string }>> {
  const found = await findOtherGuardian(app, actor, userId);
  if (!found.ok) return found;
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.notFound);
  await db.transaction().execute(async (trx) => {
    await markGuardianRemoved(trx, household.id, userId, actor.userId);
    await revokeInvitationsSentBy(trx, household.id, userId);
    await writeAudit(trx, actor, { action: 'remove_guardian', recordType: 'household', recordId: household.id });
  });
  return ok({ userId });
}

/** Whether the viewer is the only guardian left (leaving would then delete the household). */
export async function isOnlyGuardian(app: App, actor: PersonActor): Promise<Result<boolean>> {
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.noHousehold);
  return ok((await countActiveGuardians(db, household.id)) <= 1);
}

/**
 * The viewer leaves their household. When no other guardian remains, the household is deleted
 * with its children, pregnancies and invitations: nobody would be left to see or correct them.
 */
export async function leaveHousehold(app: App, actor: PersonActor): Promise<Result<{ householdDeleted: boolean }>> {
  const db = app.database.db;
  const household = await activeHouseholdOf(db, actor);
  if (!household) return failure(householdErrors.noHousehold);
  const householdDeleted = await db.transaction().execute(async (trx) => {
    await lockHousehold(trx, household.id);
    if ((await countActiveGuardians(trx, household.id)) <= 1) {
      await deleteHousehold(trx, household.id);
      await writeAudit(trx, actor, { action: 'delete', recordType: 'household', recordId: household.id });
      return true;
    }
    await markGuardianRemoved(trx, household.id, actor.userId, actor.userId);
    await revokeInvitationsSentBy(trx, household.id, actor.userId);
    await writeAudit(trx, actor, { action: 'leave', recordType: 'household', recordId: household.id });
    return false;
  });
  return ok({ householdDeleted });
}

/**
 * For demo and test data only: makes a person a guardian without the invitation round trip.
 * No route calls this; people join a household by accepting an invitation.
 */
export async function seedGuardian(app: App, actor: PersonActor, userId: string): Promise<void> {
  const household = await activeHouseholdOf(app.database.db, actor);
  if (!household) throw new Error('the seeding guardian has no household');
  await app.database.db.transaction().execute(async (trx) => {
    await upsertGuardian(trx, { householdId: household.id, userId, municipalityId: actor.municipalityId });
    await writeAudit(trx, actor, { action: 'seed_guardian', recordType: 'household', recordId: household.id });
  });
}
