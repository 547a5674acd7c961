import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { now, today } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { hashToken, newToken } from '../platform/ids.ts';
import { orgErrors } from './organizations.errors.ts';
import { invitationMail } from './organizations.mails.ts';
import {
  countOwners,
  deleteMember,
  endOrgAssignments,
  findInvitationByTokenHash,
  findMembership,
  findUserEmail,
  insertInvitation,
  listMembers,
  listPendingInvitations,
  lockOrganization,
  markInvitationAccepted,
  revokeInvitation,
  revokeInvitationsSentBy,
  setMemberRole
} from './organizations.queries.ts';
import { fieldErrors, invitationSchema, roleChangeSchema, userIdSchema, uuidSchema, type OrgRole } from './organizations.schemas.ts';
import { memberContext, type OrgActor } from './organization-access.ts';
import { addMembership } from './registration.service.ts';

/** An invitation link works for 7 days. */
export const MEMBER_INVITATION_VALID_DAYS = 7;

export interface MembersView {
  orgRole: OrgRole;
  members: { userId: string; name: string; email: string | null; orgRole: OrgRole; isYou: boolean }[];
  /** Pending invitations: owners only. */
  invitations: { id: string; email: string; orgRole: OrgRole; expiresAt: Date }[];
}

/** The members and their org roles. Addresses and pending invitations are shown to owners only. */
export async function getMembers(app: App, actor: OrgActor, organizationId: string): Promise<Result<MembersView>> {
  const db = app.database.db;
  const context = await memberContext(db, actor, organizationId);
  if (!context) return failure(orgErrors.notFound);
  const isOwner = context.orgRole === 'owner';
  const members = await listMembers(db, actor.municipalityId, organizationId);
  const invitations = isOwner ? await listPendingInvitations(db, organizationId, now()) : [];
  return ok({
    orgRole: context.orgRole,
    members: members.map((m) => ({
      userId: m.user_id,
      name: m.name,
      email: isOwner ? m.email : null,
      orgRole: m.org_role as OrgRole,
      isYou: m.user_id === actor.userId
    })),
    invitations: invitations.map((i) => ({ id: i.id, email: i.email, orgRole: i.org_role as OrgRole, expiresAt: i.expires_at }))
  });
}

/**
 * The owner invites someone by email with an org role: a link valid for 7 days, of which only the
 * hash is stored. A newer invitation to the same address replaces a pending one.
 */
export async function inviteMember(
  app: App,
  actor: OrgActor,
  organizationId: string,
  input: Record<string, unknown>,
  linkFor: (path: string) => string
): Promise<Result<{ id: string; email: string }>> {
  const db = app.database.db;
  const context = await memberContext(db, actor, organizationId);
  if (!context) return failure(orgErrors.notFound);
  if (context.orgRole !== 'owner') return failure(orgErrors.ownerOnly);
  const parsed = invitationSchema.safeParse(input);
  if (!parsed.success) return failure(orgErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const { email, orgRole } = parsed.data;
  const members = await listMembers(db, actor.municipalityId, organizationId);
  if (members.some((m) => m.email.toLowerCase() === email)) return failure(orgErrors.invalidInput({ email: 'org_error_invite_existing_member' }));
  const inviter = await findUserEmail(db, actor.userId);
  const token = newToken();
  const at = now();
  const expiresAt = new Date(at.getTime() + MEMBER_INVITATION_VALID_DAYS * 86_400_000);
  const pending = await listPendingInvitations(db, organizationId, at);
  const id = await db.transaction().execute(async (trx) => {
    for (const old of pending.filter((p) => p.email === email)) {
      await revokeInvitation(trx, old.id, organizationId);
      await writeAudit(trx, actor, { action: 'revoke', recordType: 'organization_invitation', recordId: old.id });
    }
    const { id } = await insertInvitation(trx, {
      municipalityId: actor.municipalityId,
      organizationId,
      email,
      orgRole,
      tokenHash: hashToken(token),
      invitedBy: actor.userId,
      expiresAt
    });
    await writeAudit(trx, actor, { action: 'invite', recordType: 'organization_invitation', recordId: id });
    return id;
  });
  const url = linkFor(`/organizations/invitations/accept?token=${encodeURIComponent(token)}`);
  await app.mailer.send(invitationMail(email, inviter?.name ?? '', context.organization.name, orgRole, url, MEMBER_INVITATION_VALID_DAYS));
  return ok({ id, email });
}

/** The owner takes back a pending invitation: its link stops working at once. */
export async function revokeMemberInvitation(app: App, actor: OrgActor, organizationId: string, invitationId: string): Promise<Result<{ id: string }>> {
  const db = app.database.db;
  const context = await memberContext(db, actor, organizationId);
  if (!context) return failure(orgErrors.notFound);
  if (context.orgRole !== 'owner') return failure(orgErrors.ownerOnly);
  if (!uuidSchema.safeParse(invitationId).success) return failure(orgErrors.notFound);
  const revoked = await db.transaction().execute(async (trx) => {
    const n = await revokeInvitation(trx, invitationId, organizationId);
    if (n) await writeAudit(trx, actor, { action: 'revoke', recordType: 'organization_invitation', recordId: invitationId });
    return n;
  });
  return revoked ? ok({ id: invitationId }) : failure(orgErrors.notFound);
}

type Invitation = NonNullable<Awaited<ReturnType<typeof findInvitationByTokenHash>>>;

async function usableInvitation(app: App, actor: OrgActor, token: string): Promise<Result<Invitation>> {
  if (!token || token.length > 200) return failure(orgErrors.invitationNotFound);
  const db = app.database.db;
  const invitation = await findInvitationByTokenHash(db, hashToken(token));
  if (!invitation || invitation.municipality_id !== actor.municipalityId) return failure(orgErrors.invitationNotFound);
  if (invitation.revoked_at) return failure(orgErrors.invitationRevoked);
  if (invitation.accepted_at) return failure(orgErrors.invitationUsed);
  if (invitation.expires_at.getTime() <= now().getTime()) return failure(orgErrors.invitationExpired);
  const me = await findUserEmail(db, actor.userId);
  if (!me || me.email.toLowerCase() !== invitation.email.toLowerCase()) return failure(orgErrors.invitationForSomeoneElse);
  if (await findMembership(db, actor.municipalityId, invitation.organization_id, actor.userId, today())) return failure(orgErrors.alreadyMember);
  return ok(invitation);
}

/** What the invitation page shows before the person accepts. */
export async function previewMemberInvitation(
  app: App,
  actor: OrgActor,
  token: string
): Promise<Result<{ organizationName: string; inviterName: string; orgRole: OrgRole }>> {
  const found = await usableInvitation(app, actor, token);
  if (!found.ok) return found;
  return ok({ organizationName: found.value.organization_name, inviterName: found.value.inviter_name ?? '', orgRole: found.value.org_role as OrgRole });
}

/** Accepts an invitation sent to the viewer's address: they become a member with the invited role. */
export async function acceptMemberInvitation(app: App, actor: OrgActor, token: string): Promise<Result<{ organizationId: string }>> {
  const found = await usableInvitation(app, actor, token);
  if (!found.ok) return found;
  const invitation = found.value;
  return app.database.db.transaction().execute(async (trx) => {
    if (!(await lockOrganization(trx, actor.municipalityId, invitation.organization_id))) return failure(orgErrors.invitationNotFound);
    if (!(await markInvitationAccepted(trx, invitation.id, actor.userId, now()))) return failure(orgErrors.invitationUsed);
    await addMembership(trx, actor, invitation.organization_id, actor.userId, invitation.org_role as OrgRole);
    await writeAudit(trx, actor, { action: 'accept', recordType: 'organization_invitation', recordId: invitation.id });
    return ok({ organizationId: invitation.organization_id });
  });
}

/** A member other than the actor, as the owner manages them; anyone else is not found. */
async function targetMember(app: App, actor: OrgActor, organizationId: string, userId: string) {
  const db = app.database.db;
  const context = await memberContext(db, actor, organizationId);
  if (!context) return failure(orgErrors.notFound);
  if (!userIdSchema.safeParse(userId).success) return failure(orgErrors.notFound);
  const target = (await listMembers(db, actor.municipalityId, organizationId)).find((m) => m.user_id === userId);
  if (!target) return failure(orgErrors.notFound);
  return ok({ context, target: { userId: target.user_id, name: target.name, orgRole: target.org_role as OrgRole } });
}

/**
 * The owner changes a member's org role (their own too, while another owner remains): there is
 * always at least one owner. Concurrent changes queue on the organization row.
 */
export async function changeMemberRole(
  app: App,
  actor: OrgActor,
  organizationId: string,
  userId: string,
  input: Record<string, unknown>
): Promise<Result<{ userId: string; orgRole: OrgRole }>> {
  const found = await targetMember(app, actor, organizationId, userId);
  if (!found.ok) return found;
  if (found.value.context.orgRole !== 'owner') return failure(orgErrors.ownerOnly);
  const parsed = roleChangeSchema.safeParse(input);
  if (!parsed.success) return failure(orgErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const orgRole = parsed.data.orgRole;
  return app.database.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, actor.municipalityId, organizationId);
    const members = await listMembers(trx, actor.municipalityId, organizationId);
    // Checked again under the lock: another owner may have changed the actor's role meanwhile.
    if (members.find((m) => m.user_id === actor.userId)?.org_role !== 'owner') return failure(orgErrors.ownerOnly);
    const current = members.find((m) => m.user_id === userId);
    if (!current) return failure(orgErrors.notFound);
    if (current.org_role === 'owner' && orgRole !== 'owner' && (await countOwners(trx, organizationId)) <= 1) return failure(orgErrors.lastOwner);
    await setMemberRole(trx, organizationId, userId, orgRole);
    await writeAudit(trx, actor, { action: 'organization.member_role', recordType: 'organization', recordId: organizationId });
    return ok({ userId, orgRole });
  });
}

/**
 * The owner hands over ownership to another member: they become an owner and the actor an editor,
 * in one step, so the organization is never without an owner.
 */
export async function handOverOwnership(app: App, actor: OrgActor, organizationId: string, userId: string): Promise<Result<{ userId: string }>> {
  const found = await targetMember(app, actor, organizationId, userId);
  if (!found.ok) return found;
  if (found.value.context.orgRole !== 'owner') return failure(orgErrors.ownerOnly);
  if (userId === actor.userId) return failure(orgErrors.wrongState);
  return app.database.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, actor.municipalityId, organizationId);
    const members = await listMembers(trx, actor.municipalityId, organizationId);
    const me = members.find((m) => m.user_id === actor.userId);
    if (!me || me.org_role !== 'owner') return failure(orgErrors.ownerOnly);
    if (!members.some((m) => m.user_id === userId)) return failure(orgErrors.notFound);
    await setMemberRole(trx, organizationId, userId, 'owner');
    await setMemberRole(trx, organizationId, actor.userId, 'editor');
    await writeAudit(trx, actor, { action: 'organization.hand_over', recordType: 'organization', recordId: organizationId });
    return ok({ userId });
  });
}

/**
 * Removes a member (the owner removes anyone; any member may leave). Their org_member assignment
 * ends at once with the membership, and the invitations they sent stop working. The last owner can
 * neither be removed nor leave: they hand over ownership first.
 */
export async function removeMember(app: App, actor: OrgActor, organizationId: string, userId: string): Promise<Result<{ userId: string }>> {
  const found = await targetMember(app, actor, organizationId, userId);
  if (!found.ok) return found;
  if (userId !== actor.userId && found.value.context.orgRole !== 'owner') return failure(orgErrors.ownerOnly);
  return app.database.db.transaction().execute(async (trx) => {
    await lockOrganization(trx, actor.municipalityId, organizationId);
    const members = await listMembers(trx, actor.municipalityId, organizationId);
    if (userId !== actor.userId && members.find((m) => m.user_id === actor.userId)?.org_role !== 'owner') return failure(orgErrors.ownerOnly);
    const current = members.find((m) => m.user_id === userId);
    if (!current) return failure(orgErrors.notFound);
    if (current.org_role === 'owner' && (await countOwners(trx, organizationId)) <= 1) return failure(orgErrors.lastOwner);
    await deleteMember(trx, organizationId, userId);
    for (const assignmentId of await endOrgAssignments(trx, actor.municipalityId, organizationId, userId, today())) {
      await writeAudit(trx, actor, { action: 'role.end', recordType: 'role_assignment', recordId: assignmentId });
    }
    await revokeInvitationsSentBy(trx, organizationId, userId);
    await writeAudit(trx, actor, { action: userId === actor.userId ? 'organization.leave' : 'organization.remove_member', recordType: 'organization', recordId: organizationId });
    return ok({ userId });
  });
}
