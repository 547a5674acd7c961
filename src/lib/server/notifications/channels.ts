import type { Db } from '../db/database.ts';
import type { Mailer } from '../mail/mailer.ts';
import type { AppConfig } from '../platform/config.ts';
import { m } from '#lib/paraglide/messages.js';
import { LANGUAGES, type Language } from '../people/index.ts';
import { findEmailAddress } from './notifications.queries.ts';
import type { DeliveryChannel } from './notifications.table.ts';

/** One external send of one notice, as a channel receives it. */
export interface OutgoingMessage {
  deliveryId: string;
  /** The same on every attempt of this delivery: email Message-ID local part, push Topic (≤ 32 URL-safe chars). */
  stableId: string;
  userId: string;
  municipalityId: string;
  locale: string;
  title: string;
  body: string;
  /** Absolute URL of the notice's page. */
  url: string;
}

export type SendResult = { ok: true } | { ok: false; retry: boolean; error: string };

/** A channel is a port: the outbox worker hands it messages and records what it answers. */
export interface ChannelSender {
  send(message: OutgoingMessage): Promise<SendResult>;
}

export type ChannelSenders = Partial<Record<DeliveryChannel, ChannelSender>>;

const asLocale = (locale: string): Language => ((LANGUAGES as readonly string[]).includes(locale) ? locale : 'ja') as Language;

/** The host part of every Message-ID: the sender address's domain. */
export function messageIdHost(mailFrom: string): string {
  const address = /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;
  return address.split('@')[1]?.trim() || 'hagukumi.invalid';
}

/**
 * Email through the app's mailer. The Message-ID is built from the delivery's stable id, so a send
 * repeated after a crash or a retry is the same message to the receiving side.
 */
export function createEmailSender(db: Db, mailer: Mailer, config: Pick<AppConfig, 'mailFrom'>): ChannelSender {
  const host = messageIdHost(config.mailFrom);
  return {
    async send(message) {
      const to = await findEmailAddress(db, message.userId);
      if (!to) return { ok: false, retry: false, error: 'no verified email address' };
      const locale = asLocale(message.locale);
      const lines = [message.body, message.url, m.notifications_email_footer({}, { locale })].filter((line) => line.trim() !== '');
      try {
        await mailer.send({
          to,
          subject: `【${m.app_name({}, { locale })}】${message.title}`,
          text: `${lines.join('\n\n')}\n`,
          messageId: `<${message.stableId}@${host}>`
        });
        return { ok: true };
      } catch (error) {
        return { ok: false, retry: true, error: error instanceof Error ? error.message.slice(0, 500) : 'send failed' };
      }
    }
  };
}
