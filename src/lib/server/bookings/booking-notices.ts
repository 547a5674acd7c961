import type { DatabaseHandle } from '../db/connection.ts';
import type { Mailer } from '../mail/mailer.ts';
import { kickDeliveries, sendNotification } from '../notifications/index.ts';
import type { AppConfig } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';
import { tokyoTime } from './booking-rules.ts';

/** What the bookings domain needs from the app. */
export interface BookingDeps {
  database: DatabaseHandle;
  mailer: Mailer;
  config: AppConfig;
}

export type GuardianNoticeKind = 'confirmed' | 'pending' | 'waitlisted' | 'promoted' | 'offered' | 'approved' | 'declined' | 'cancelled' | 'expired' | 'slot_closed' | 'seat_open';

export interface GuardianNotice {
  kind: GuardianNoticeKind;
  municipalityId: string;
  to: { userId: string; name: string };
  /** What the notice is about, stable across repeats: one inbox notice per (guardian, key). */
  key: string;
  placeName: string;
  serviceName: string;
  slotDate: string;
  startsAt: Date;
  endsAt: Date;
  children?: string[];
  offerExpiresAt?: Date | null;
  reason?: string | null;
  /** Where the guardian acts on it, e.g. '/bookings'. */
  path: string;
}

const SUBJECTS: Record<GuardianNoticeKind, [string, string]> = {
  confirmed: ['予約が確定しました', 'Your booking is confirmed'],
  pending: ['予約を受け付けました（施設の承認待ち）', 'Booking received (waiting for approval)'],
  waitlisted: ['キャンセル待ちに登録しました', 'You are on the waiting list'],
  promoted: ['キャンセル待ちから予約が確定しました', 'A seat freed up: your booking is confirmed'],
  offered: ['キャンセル待ちの枠をご案内します（期限あり）', 'A seat is offered to you (time-limited)'],
  approved: ['予約が承認されました', 'Your booking was approved'],
  declined: ['予約をお受けできませんでした', 'Your booking could not be accepted'],
  cancelled: ['予約を取り消しました', 'Your booking was cancelled'],
  expired: ['ご案内した枠の期限が過ぎました', 'The offered seat has expired'],
  slot_closed: ['予約していた回が中止になりました', 'A session you booked was cancelled'],
  seat_open: ['空きが出ました', 'A seat has opened']
};

const LEADS: Record<GuardianNoticeKind, [string, string]> = {
  confirmed: ['次の予約が確定しました。当日は予約一覧の QR コードを受付でお見せください。', 'This booking is confirmed. Show the QR code from your bookings page at the desk.'],
  pending: ['次の予約を受け付けました。施設が承認すると確定します。', 'We received this booking. It is confirmed once the facility approves it.'],
  waitlisted: ['満席のため、キャンセル待ちに登録しました。空きが出たら順番にご案内します。', 'The session is full, so you are on the waiting list. We will tell you when a seat frees up.'],
  promoted: ['キャンセルが出たため、次の予約が確定しました。', 'A seat freed up and this booking is now confirmed.'],
  offered: ['キャンセルが出たため、次の枠をご案内します。期限までに予約一覧から「受ける」を選んでください。', 'A seat freed up. Accept it from your bookings page before the deadline.'],
  approved: ['施設が次の予約を承認しました。予約は確定です。', 'The facility approved this booking. It is confirmed.'],
  declined: ['申し訳ありません。施設の判断で、次の予約はお受けできませんでした。', 'Sorry, the facility could not accept this booking.'],
  cancelled: ['次の予約を取り消しました。', 'This booking was cancelled.'],
  expired: ['ご案内した枠の受付期限が過ぎたため、次の方にご案内しました。', 'The offer expired and the seat went to the next person.'],
  slot_closed: ['次の回は施設の都合で中止になりました。ご予約は取り消されています。', 'This session was cancelled by the facility; your booking is cancelled.'],
  seat_open: ['お知らせを希望された回に空きが出ました。予約は先着順です。', 'A seat has opened in a session you asked about. First come, first served.']
};

function when(notice: GuardianNotice): string {
  return `${notice.slotDate} ${tokyoTime(notice.startsAt)}〜${tokyoTime(notice.endsAt)}`;
}

/** The notice's texts: bilingual (ja / en) as the booking mails have always been. */
export function guardianNoticeTexts(notice: GuardianNotice): { title: string; body: string } {
  const [subjectJa, subjectEn] = SUBJECTS[notice.kind];
  const [leadJa, leadEn] = LEADS[notice.kind];
  const lines = [`施設 / Place: ${notice.placeName}`, `内容 / Service: ${notice.serviceName}`, `日時 / When: ${when(notice)}`];
  if (notice.children?.length) lines.push(`お子さん / Children: ${notice.children.join('、')}`);
  if (notice.offerExpiresAt) lines.push(`回答期限 / Reply by: ${notice.offerExpiresAt.toISOString().slice(0, 10)} ${tokyoTime(notice.offerExpiresAt)}`);
  if (notice.reason) lines.push(`理由 / Reason: ${notice.reason}`);
  return {
    title: `${subjectJa} / ${subjectEn}`,
    body: `${notice.to.name} 様\n\n${leadJa}\n${leadEn}\n\n${lines.join('\n')}`
  };
}

/**
 * The one place where the bookings domain tells a guardian something: a notice in their inbox and
 * e-mail / push as they allow, sent at once (the outbox job retries what fails). Called after the
 * booking committed; never throws — a failed message is logged.
 */
export async function tellGuardian(deps: BookingDeps, notice: GuardianNotice): Promise<void> {
  try {
    const id = await sendNotification(deps.database.db, {
      municipalityId: notice.municipalityId,
      userId: notice.to.userId,
      source: 'bookings',
      sourceKey: notice.key,
      link: notice.path,
      render: () => guardianNoticeTexts(notice)
    });
    if (id) await kickDeliveries(deps, { notificationIds: [id] });
  } catch (err) {
    logger.error({ err, kind: notice.kind }, 'could not tell the guardian about a booking');
  }
}

/** A provider's message to the attendees of a slot. */
export async function sendAttendeeMessage(deps: BookingDeps, to: { email: string; name: string }, message: { placeName: string; subject: string; body: string }): Promise<void> {
  try {
    await deps.mailer.send({
      to: to.email,
      subject: `【育み】${message.placeName}：${message.subject}`,
      text: `${to.name} 様\n\n${message.placeName} からのお知らせです。\n\n${message.body}\n\n（このメールは育みから、予約された方にお送りしています）\n`
    });
  } catch (err) {
    logger.error({ err }, 'could not send a message to an attendee');
  }
}
