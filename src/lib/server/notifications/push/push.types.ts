// The channel port the notifications outbox calls is defined once, in ../channels.ts.
export type { OutgoingMessage, SendResult, ChannelSender } from '../channels.ts';

export type OutgoingLocale = 'ja' | 'en' | 'ja-x-easy';
