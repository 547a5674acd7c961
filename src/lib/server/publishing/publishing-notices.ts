import { randomUUID } from 'node:crypto';
import type { App } from '../app.ts';
import { kickDeliveries, sendNotification } from '../notifications/index.ts';
import { logger } from '../platform/logger.ts';
import { findRecipient, listActingMembers } from './publishing.queries.ts';

/**
 * Everything the publishing domain tells someone, in one place: through the app-wide notifications.
 */
export type PublishingNotice =
  | { kind: 'inquiry_received'; organizationName: string; subject: string; link: string }
  | { kind: 'inquiry_replied'; organizationName: string; subject: string; link: string }
  | { kind: 'inquiry_resident_replied'; subject: string; link: string }
  | { kind: 'inquiry_closed'; subject: string; closedBy: 'resident' | 'organization'; link: string }
  | { kind: 'volunteer_applied'; postTitle: string; link: string }
  | { kind: 'volunteer_decided'; postTitle: string; organizationName: string; accepted: boolean; message: string; link: string }
  | { kind: 'post_unpublished_by_staff'; postTitle: string; reason: string; link: string };

/** Who is told: one person, or the members who act for an organization (owners and editors). */
export type NoticeRecipient = { userId: string } | { organizationId: string };

function mailOf(notice: PublishingNotice): { subject: string; text: string } {
  switch (notice.kind) {
    case 'inquiry_received':
      return {
        subject: `【育み】お問い合わせが届きました：${notice.subject} / New inquiry`,
        text: `「${notice.organizationName}」にお問い合わせが届きました。\n件名：${notice.subject}\n\n団体の管理画面で返信してください。\n${notice.link}\n\nA resident sent your organization an inquiry. Reply from the organization console.\n`
      };
    case 'inquiry_replied':
      return {
        subject: `【育み】「${notice.organizationName}」から返信がありました / Reply to your inquiry`,
        text: `お問い合わせ「${notice.subject}」に「${notice.organizationName}」から返信がありました。\n${notice.link}\n\n"${notice.organizationName}" replied to your inquiry.\n`
      };
    case 'inquiry_resident_replied':
      return {
        subject: `【育み】お問い合わせに追加のメッセージがあります：${notice.subject} / New message`,
        text: `お問い合わせ「${notice.subject}」に、相談者から新しいメッセージが届きました。\n${notice.link}\n\nThe resident wrote again in an inquiry thread.\n`
      };
    case 'inquiry_closed':
      return {
        subject: `【育み】お問い合わせが終了しました：${notice.subject} / Inquiry closed`,
        text: `お問い合わせ「${notice.subject}」は${notice.closedBy === 'resident' ? '相談者' : '団体'}によって終了しました。\n${notice.link}\n\nThe inquiry was closed by the ${notice.closedBy === 'resident' ? 'resident' : 'organization'}.\n`
      };
    case 'volunteer_applied':
      return {
        subject: `【育み】ボランティアの応募がありました：${notice.postTitle} / New volunteer application`,
        text: `「${notice.postTitle}」にボランティアの応募がありました。団体の管理画面で受け入れるかどうかを決めてください。\n${notice.link}\n\nSomeone applied to volunteer. Accept or decline on the organization console.\n`
      };
    case 'volunteer_decided':
      return {
        subject: `【育み】ボランティア応募の結果：${notice.postTitle} / Your volunteer application`,
        text:
          `「${notice.organizationName}」の「${notice.postTitle}」への応募は、${notice.accepted ? '受け入れられました' : 'お断りとなりました'}。\n` +
          (notice.message ? `\n団体からのメッセージ：\n${notice.message}\n` : '') +
          `\n${notice.link}\n\nYour application was ${notice.accepted ? 'accepted' : 'declined'}.\n`
      };
    case 'post_unpublished_by_staff':
      return {
        subject: `【育み】投稿を区が非公開にしました：${notice.postTitle} / A post was unpublished by the ward`,
        text: `区の担当者が投稿「${notice.postTitle}」を非公開にしました。\n\n理由：\n${notice.reason}\n\n${notice.link}\n\nWard staff unpublished the post for the reason above.\n`
      };
  }
}

/** A notice's link as the path the inbox opens (callers build absolute links for mail). */
function pathOf(link: string): string {
  const url = new URL(link, 'http://localhost');
  return url.pathname + url.search;
}

/**
 * Tells the recipient through the app-wide notifications: the inbox always, e-mail or push as each
 * person allows, sent at once (the outbox retries what fails). A failure never undoes what was done.
 */
export async function tellPublishingNotice(app: App, recipient: NoticeRecipient, notice: PublishingNotice): Promise<void> {
  const db = app.database.db;
  const userIds = 'userId' in recipient ? [recipient.userId] : await listActingMembers(db, recipient.organizationId);
  const mail = mailOf(notice);
  // Each telling is its own notice; the key only has to be unique (a retry of a delivery keeps its id).
  const sourceKey = `${notice.kind}:${randomUUID()}`;
  const sent: string[] = [];
  for (const userId of userIds) {
    try {
      const person = await findRecipient(db, userId);
      if (!person?.municipality_id) continue;
      const id = await sendNotification(db, {
        municipalityId: person.municipality_id,
        userId,
        source: 'publishing',
        sourceKey,
        link: pathOf(notice.link),
        render: () => ({ title: mail.subject.replace(/^【育み】/, ''), body: mail.text })
      });
      if (id) sent.push(id);
    } catch (error) {
      logger.error({ err: error, kind: notice.kind }, 'could not deliver a publishing notice');
    }
  }
  if (sent.length) await kickDeliveries(app, { notificationIds: sent });
}
