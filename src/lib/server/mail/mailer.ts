import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { AppConfig } from '../platform/config.ts';
import { logger } from '../platform/logger.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  /** A stable Message-ID (`<local@host>`): a repeated send of the same notice carries the same one. */
  messageId?: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/**
 * Sends over SMTP when SMTP_URL is set; otherwise writes each message as an .eml file in the mail
 * folder and prints it, so the demo works offline.
 */
export function createMailer(config: Pick<AppConfig, 'smtpUrl' | 'mailDir' | 'mailFrom'>): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from: config.mailFrom, ...message });
      }
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail({ from: config.mailFrom, ...message });
      mkdirSync(config.mailDir, { recursive: true });
      const file = join(config.mailDir, `${Date.now()}-${message.to.replace(/[^a-zA-Z0-9@.-]/g, '_')}.eml`);
      writeFileSync(file, info.message as Buffer);
      logger.info({ to: message.to, subject: message.subject, file }, 'mail written to the local mail folder');
      if (process.env.NODE_ENV !== 'test') console.log(`\n[mail] To: ${message.to}\n[mail] ${message.subject}\n${message.text}\n`);
    }
  };
}
