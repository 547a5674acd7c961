import type { App } from '../app.ts';
import { absoluteUrlFor } from '../app.ts';
import type { Db } from '../db/database.ts';
import { getPreferences } from '../people/index.ts';
import { logger } from '../platform/logger.ts';
import { m } from '#lib/paraglide/messages.js';
import { findEmailOf, insertNotice } from './forum.queries.ts';

export type NoticeKind =
  | 'reply'
  | 'private_reply'
  | 'consultation_offer'
  | 'held_for_review'
  | 'approved'
  | 'hidden'
  | 'edited'
  | 'warned'
  | 'suspended'
  | 'released';

export interface ForumNotice {
  municipalityId: string;
  userId: string;
  kind: NoticeKind;
  threadId: string | null;
  postId: string | null;
  /** The moderator's reason, shown to the person as written. */
  reason?: string;
}

/** Kinds worth an e-mail (when the person's preferences allow); the rest wait in the forum. */
const MAILED: NoticeKind[] = ['reply', 'private_reply', 'consultation_offer'];

/**
 * Tells a person something about their forum activity. Notices are kept by the forum and shown on
 * its お知らせ page; this one function is where they would be redirected to an app-wide inbox.
 */
export async function notify(db: Db, notice: ForumNotice, at: Date): Promise<void> {
  await insertNotice(db, { ...notice, reason: notice.reason ?? '' }, at);
}

/**
 * After the transaction: e-mails the notices that warrant it to people who turned e-mail on. The mail
 * says only that there is something new (never the post), with a link; a failure is logged, never
 * undoes the post.
 */
export async function mailNotices(app: App, notices: ForumNotice[]): Promise<void> {
  for (const notice of notices.filter((n) => MAILED.includes(n.kind))) {
    try {
      const preferences = await getPreferences(app, { userId: notice.userId, municipalityId: notice.municipalityId });
      if (!preferences.notifyEmail) continue;
      const email = await findEmailOf(app.database.db, notice.userId);
      if (!email) continue;
      const locale = preferences.language;
      const link = absoluteUrlFor(app.config)(notice.threadId && notice.kind === 'reply' ? `/forum/threads/${notice.threadId}` : '/forum/notices');
      await app.mailer.send({
        to: email,
        subject: notice.kind === 'reply' ? m.forum_mail_reply_subject({}, { locale }) : m.forum_mail_message_subject({}, { locale }),
        text: `${notice.kind === 'reply' ? m.forum_mail_reply_text({}, { locale }) : m.forum_mail_message_text({}, { locale })}\n\n${link}\n\n${m.forum_mail_footer({}, { locale })}`
      });
    } catch (error) {
      logger.error({ err: error, kind: notice.kind }, 'forum notice mail failed');
    }
  }
}
