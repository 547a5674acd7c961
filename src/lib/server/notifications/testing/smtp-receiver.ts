import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  messageId: string;
}

/**
 * A real local SMTP server for tests; records every message. `shouldAnswer` may withhold the answer to
 * a message (the sender then waits, as when a crash test kills it mid-send).
 */
export async function startSmtpReceiver(shouldAnswer: (received: ReceivedMail[]) => boolean = () => true) {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, messageId: /^Message-ID:\s*(.+)$/im.exec(raw)?.[1].trim() ?? '' });
        if (shouldAnswer(received)) callback();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve()))
  };
}
