import type { App } from '../app.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import type { PersonActor } from '../households/index.ts';
import { findLatestConsent, insertConsent, listConsents, lockConsentsOf } from './people.queries.ts';
import { CONSENT_PURPOSES, consentSchema, fieldErrors, type ConsentPurpose } from './people.schemas.ts';
import { peopleErrors } from './people.errors.ts';

export interface ConsentState {
  purpose: ConsentPurpose;
  /** undefined: never answered (treated as not given). */
  granted: boolean | undefined;
  since: Date | undefined;
}

export interface ConsentsView {
  current: ConsentState[];
  history: { purpose: ConsentPurpose; granted: boolean; at: Date }[];
}

/** The person's own consents: the current state of each purpose and every decision, newest first. */
export async function getConsents(app: App, actor: PersonActor): Promise<ConsentsView> {
  const rows = await listConsents(app.database.db, actor.userId, actor.municipalityId);
  const history = rows.map((r) => ({ purpose: r.purpose as ConsentPurpose, granted: r.is_granted, at: r.recorded_at }));
  const current = CONSENT_PURPOSES.map((purpose) => {
    const latest = history.find((h) => h.purpose === purpose);
    return { purpose, granted: latest?.granted, since: latest?.at };
  });
  return { current, history };
}

/**
 * Gives or withdraws consent for one purpose. Each decision is a new row (the history is never
 * rewritten); repeating the current decision records nothing.
 */
export async function recordConsent(
  app: App,
  actor: PersonActor,
  input: Record<string, unknown>
): Promise<Result<{ purpose: ConsentPurpose; granted: boolean; changed: boolean }>> {
  const parsed = consentSchema.safeParse(input);
  if (!parsed.success) return failure(peopleErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const { purpose, decision } = parsed.data;
  const granted = decision === 'give';
  const changed = await app.database.db.transaction().execute(async (trx) => {
    await lockConsentsOf(trx, actor.userId);
    const latest = await findLatestConsent(trx, actor.userId, actor.municipalityId, purpose);
    if ((latest?.is_granted ?? false) === granted) return false;
    const row = await insertConsent(trx, {
      municipalityId: actor.municipalityId,
      userId: actor.userId,
      purpose,
      isGranted: granted,
      requestId: actor.requestId ?? null
    });
    await writeAudit(trx, actor, { action: granted ? 'give' : 'withdraw', recordType: 'consent', recordId: row.id });
    return true;
  });
  return ok({ purpose, granted, changed });
}

/** Whether a person currently consents to a purpose (for other domains: notices, coordinators). */
export async function hasConsent(app: App, userId: string, municipalityId: string, purpose: ConsentPurpose): Promise<boolean> {
  return (await findLatestConsent(app.database.db, userId, municipalityId, purpose))?.is_granted ?? false;
}
