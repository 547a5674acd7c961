import { absoluteUrlFor, type App } from '../app.ts';
import { logger } from '../platform/logger.ts';
import { findContact } from './procedures.queries.ts';

export type ProcedureNoticeKind = 'requested' | 'returned' | 'done';

export interface ProcedureNotice {
  kind: ProcedureNoticeKind;
  userId: string;
  municipalityId: string;
  /** The procedure's title as the person will see it. */
  title: string;
  /** Where the person acts on it, e.g. '/procedures/requests/…'. */
  path: string;
}

const SUBJECTS: Record<ProcedureNoticeKind, [string, string]> = {
  requested: ['区から手続きのお願いが届きました', 'The ward asks you to complete a procedure'],
  returned: ['手続きが差し戻されました（修正をお願いします）', 'Your procedure was returned (please correct it)'],
  done: ['手続きが完了しました', 'Your procedure is complete']
};

const LEADS: Record<ProcedureNoticeKind, [string, string]> = {
  requested: ['次の手続きの入力をお願いします。', 'Please fill in this procedure.'],
  returned: ['次の手続きについて、区から修正のお願いがあります。内容を確かめて、もう一度送ってください。', 'The ward asks you to correct this procedure and send it again.'],
  done: ['次の手続きは完了しました。ありがとうございました。', 'This procedure is complete. Thank you.']
};

/**
 * Tells a person about a procedure (a request, a return, completion). The one place that does: for now
 * an email through the app's mailer when the person accepts email (person_profile.notify_email); the
 * notifications inbox takes this over when it exists. The message holds no answers, only the title and
 * a link, and a failed send never undoes the change it reports.
 */
export async function tellPersonAboutProcedure(app: App, notice: ProcedureNotice): Promise<void> {
  try {
    const contact = await findContact(app.database.db, notice.userId, notice.municipalityId);
    if (!contact || contact.notify_email === false) return;
    const url = absoluteUrlFor(app.config)(notice.path);
    const [subjectJa, subjectEn] = SUBJECTS[notice.kind];
    const [leadJa, leadEn] = LEADS[notice.kind];
    await app.mailer.send({
      to: contact.email,
      subject: `${subjectJa} / ${subjectEn}`,
      text: `${contact.name} 様\n\n${leadJa}\n\n手続き：${notice.title}\n${url}\n\n${leadEn}\nProcedure: ${notice.title}\n${url}\n`
    });
  } catch (err) {
    logger.error({ err, kind: notice.kind }, 'could not tell the person about a procedure');
  }
}
