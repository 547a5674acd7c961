import type { App } from '../app.ts';
import { LATE_PREGNANCY_QUESTIONNAIRE } from './built-in/late-pregnancy-questionnaire.ts';
import { findBuiltInForm, findRuleLink, findRuleSubject, insertForm, insertFormVersion, upsertRuleLink } from './procedures.queries.ts';

const BUILT_IN = [LATE_PREGNANCY_QUESTIONNAIRE];

/**
 * Loads the built-in procedures into a municipality (with the demo ward): each published as version 1 and
 * attached to its guidance rule unless staff attached another. Idempotent: a form already loaded is left
 * as the ward edited it.
 */
export async function ensureBuiltInProcedures(app: App, municipalityId: string): Promise<void> {
  await app.database.db.transaction().execute(async (trx) => {
    for (const builtIn of BUILT_IN) {
      if (await findBuiltInForm(trx, municipalityId, builtIn.key)) continue;
      const { id } = await insertForm(trx, municipalityId, { title: builtIn.title, purpose: builtIn.purpose, fields: builtIn.fields, builtinKey: builtIn.key, createdBy: null });
      await insertFormVersion(trx, id, { version: 1, title: builtIn.title, purpose: builtIn.purpose, fields: builtIn.fields, publishedBy: null });
      if ((await findRuleSubject(trx, municipalityId, builtIn.ruleKey)) && !(await findRuleLink(trx, municipalityId, builtIn.ruleKey))) {
        await upsertRuleLink(trx, municipalityId, builtIn.ruleKey, id, null);
      }
    }
  });
}
