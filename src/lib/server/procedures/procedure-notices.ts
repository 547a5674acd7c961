import { randomUUID } from 'node:crypto';
import type { App } from '../app.ts';
import { kickDeliveries, sendNotification } from '../notifications/index.ts';
import { logger } from '../platform/logger.ts';

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
 * Tells a person about a procedure (a request, a return, completion) through the app-wide
 * notifications: the inbox always, e-mail or push as they allow, sent at once. The notice holds no
 * answers, only the title and a link, and a failed send never undoes the change it reports.
 */
export async function tellPersonAboutProcedure(app: App, notice: ProcedureNotice): Promise<void> {
  try {
    const id = await sendNotification(app.database.db, {
      municipalityId: notice.municipalityId,
      userId: notice.userId,
      source: 'procedures',
      // Each telling is its own notice (a form can be returned twice); retries keep the delivery's id.
      sourceKey: `${notice.kind}:${randomUUID()}`,
      link: notice.path,
      render: (locale) => {
        const index = locale === 'en' ? 1 : 0;
        return { title: SUBJECTS[notice.kind][index], body: `${LEADS[notice.kind][index]}\n${notice.title}` };
      }
    });
    if (id) await kickDeliveries(app, { notificationIds: [id] });
  } catch (err) {
    logger.error({ err, kind: notice.kind }, 'could not tell the person about a procedure');
  }
}
