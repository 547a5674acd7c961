export { createPushSender, type PushSenderDeps, type PushUrgency } from './push-sender.ts';
export { resolveVapidKeys, type VapidKeys } from './vapid.ts';
export { subscribeToPush, unsubscribeFromPush, getPushSettings, vapidPublicKey, MAX_SUBSCRIPTIONS_PER_PERSON, type PushSettings, type SubscribeOutcome } from './push.service.ts';
export { pushErrors, PUSH_API_ERRORS } from './push.errors.ts';
export { encodePushPayload, MAX_PAYLOAD_BYTES, type PushPayload } from './push-payload.ts';
export type { ChannelSender, OutgoingMessage, OutgoingLocale, SendResult } from './push.types.ts';
export { exportPushDataOf, type PushDataExport } from './personal-data.ts';
