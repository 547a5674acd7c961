// The channel port the notifications outbox calls (the same shape as its own definition; unified at merge).

export type OutgoingLocale = 'ja' | 'en' | 'ja-x-easy';

/** One notice on its way to one person through one external channel. */
export interface OutgoingMessage {
  deliveryId: string;
  /** ≤ 32 URL-safe characters, the same on every retry: sent as the push Topic. */
  stableId: string;
  userId: string;
  municipalityId: string;
  locale: OutgoingLocale;
  title: string;
  body: string;
  /** Absolute URL the notice opens. */
  url: string;
}

export type SendResult = { ok: true } | { ok: false; retry: boolean; error: string };

export interface ChannelSender {
  send(message: OutgoingMessage): Promise<SendResult>;
}
