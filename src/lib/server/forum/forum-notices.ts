import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { kickDeliveries, sendNotification } from '../notifications/index.ts';
import type { Language } from '../people/index.ts';
import { m } from '#lib/paraglide/messages.js';
import { insertNotice } from './forum.queries.ts';

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

/** Kinds worth an e-mail or a push (when the person's preferences allow); the rest wait in the inbox. */
const SENT_OUTSIDE: NoticeKind[] = ['reply', 'private_reply', 'consultation_offer'];

type Message = (inputs: object, options: { locale: Language }) => string;
/** The notice's line as the forum's お知らせ page shows it (forum_notice_<kind>). */
const titleOf = (kind: NoticeKind, locale: Language) => (m as unknown as Record<string, Message>)[`forum_notice_${kind}`]({}, { locale });

/** The body says only that there is something new (never the post itself); a moderator's reason as written. */
function bodyOf(notice: ForumNotice, locale: Language): string {
  if (notice.kind === 'reply') return m.forum_mail_reply_text({}, { locale });
  if (notice.kind === 'private_reply' || notice.kind === 'consultation_offer') return m.forum_mail_message_text({}, { locale });
  return notice.reason ? m.forum_notice_reason({ reason: notice.reason }, { locale }) : '';
}

/**
 * Tells a person something about their forum activity, inside the caller's transaction: the forum keeps
 * its own notice (its お知らせ page) and the app-wide inbox gets one, keyed by that notice's id; replies
 * and messages from professionals also go out by e-mail / push as the person allows.
 */
export async function notify(db: Db, notice: ForumNotice, at: Date): Promise<void> {
  const { id } = await insertNotice(db, { ...notice, reason: notice.reason ?? '' }, at);
  await sendNotification(db, {
    municipalityId: notice.municipalityId,
    userId: notice.userId,
    source: 'forum',
    sourceKey: id,
    link: notice.threadId && notice.kind === 'reply' ? `/forum/threads/${notice.threadId}` : '/forum/notices',
    render: (locale) => ({ title: titleOf(notice.kind, locale), body: bodyOf(notice, locale) }),
    channels: SENT_OUTSIDE.includes(notice.kind) ? undefined : []
  });
}

/**
 * After the transaction: sends the new notices' e-mail / push deliveries at once (the outbox job retries
 * what fails). A failure is logged, never undoes the post.
 */
export async function mailNotices(app: App, notices: ForumNotice[]): Promise<void> {
  const userIds = [...new Set(notices.filter((n) => SENT_OUTSIDE.includes(n.kind)).map((n) => n.userId))];
  if (userIds.length) await kickDeliveries(app, { userIds, source: 'forum' });
}
