import type { Db } from '../db/database.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import {
  countActiveGuardians,
  deleteHousehold,
  findActiveHouseholdOf,
  forgetCreator,
  listActiveGuardians,
  listActiveMembershipsOf,
  listChildren,
  listInvitationsSentBy,
  listPregnancies,
  lockHousehold,
  markGuardianRemoved,
  revokeInvitationsSentBy
} from './households.queries.ts';
import type { PersonActor } from './household-access.ts';

export interface HouseholdExport {
  id: string;
  createdAt: string;
  district: { id: string; name: string };
  joinedAt: string;
  /** Display names only: the other guardian's own data (email, consents, answers) is theirs. */
  guardians: { displayName: string; isYou: boolean }[];
  children: { id: string; name: string; birthDate: string; sex: string | null; createdAt: string; updatedAt: string }[];
  pregnancies: {
    id: string;
    dueDate: string;
    fetusCount: number;
    outcome: string | null;
    outcomeDate: string | null;
    createdAt: string;
    updatedAt: string;
  }[];
  invitationsYouSent: { email: string; createdAt: string; expiresAt: string; acceptedAt: string | null; revokedAt: string | null }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The household part of a person's data export: only the household they are an active guardian of
 * now. Reading its pregnancies is audited like any other read.
 */
export async function exportHouseholdData(db: Db, actor: PersonActor): Promise<HouseholdExport[]> {
  const household = await findActiveHouseholdOf(db, actor.userId, actor.municipalityId);
  if (!household) return [];
  const guardians = await listActiveGuardians(db, household.id);
  const children = await listChildren(db, household.id, actor.municipalityId);
  const pregnancies = await listPregnancies(db, household.id, actor.municipalityId);
  const invitations = await listInvitationsSentBy(db, household.id, actor.userId);
  for (const p of pregnancies) await writeAudit(db, actor, { action: 'read', recordType: 'pregnancy', recordId: p.id });
  return [
    {
      id: household.id,
      createdAt: household.created_at.toISOString(),
      district: { id: household.district_id, name: household.district_name },
      joinedAt: household.added_at.toISOString(),
      guardians: guardians.map((g) => ({ displayName: g.name, isYou: g.user_id === actor.userId })),
      children: children.map((c) => ({
        id: c.id,
        name: c.name,
        birthDate: c.birth_date,
        sex: c.sex,
        createdAt: c.created_at.toISOString(),
        updatedAt: c.updated_at.toISOString()
      })),
      pregnancies: pregnancies.map((p) => ({
        id: p.id,
        dueDate: p.due_date,
        fetusCount: p.fetus_count,
        outcome: p.outcome,
        outcomeDate: p.outcome_date,
        createdAt: p.created_at.toISOString(),
        updatedAt: p.updated_at.toISOString()
      })),
      invitationsYouSent: invitations.map((i) => ({
        email: i.email,
        createdAt: i.created_at.toISOString(),
        expiresAt: i.expires_at.toISOString(),
        acceptedAt: iso(i.accepted_at),
        revokedAt: iso(i.revoked_at)
      }))
    }
  ];
}

/**
 * Part of deleting a person's data, inside the caller's transaction: every household they are the
 * last active guardian of is deleted (children, pregnancies and invitations cascade); from the
 * others they are removed and the household stays with the remaining guardians.
 */
export async function releaseHouseholdsOf(trx: Db, actor: PersonActor): Promise<{ deleted: string[]; kept: string[] }> {
  const deleted: string[] = [];
  const kept: string[] = [];
  for (const membership of await listActiveMembershipsOf(trx, actor.userId)) {
    const householdId = membership.household_id;
    await lockHousehold(trx, householdId);
    const auditActor = { ...actor, municipalityId: membership.municipality_id };
    if ((await countActiveGuardians(trx, householdId)) <= 1) {
      await deleteHousehold(trx, householdId);
      await writeAudit(trx, auditActor, { action: 'delete', recordType: 'household', recordId: householdId });
      deleted.push(householdId);
    } else {
      await markGuardianRemoved(trx, householdId, actor.userId, actor.userId);
      await revokeInvitationsSentBy(trx, householdId, actor.userId);
      await writeAudit(trx, auditActor, { action: 'leave', recordType: 'household', recordId: householdId });
      kept.push(householdId);
    }
  }
  await forgetCreator(trx, actor.userId);
  return { deleted, kept };
}
