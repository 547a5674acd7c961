// The notifications domain's public entry. The inbox and outbox (built alongside) add their exports
// here; the Web Push channel lives in ./push.
export {
  createPushSender,
  resolveVapidKeys,
  subscribeToPush,
  unsubscribeFromPush,
  getPushSettings,
  vapidPublicKey,
  PUSH_API_ERRORS,
  exportPushDataOf,
  type PushDataExport,
  type PushSenderDeps,
  type VapidKeys,
  type PushSettings
} from './push/index.ts';
export { sendNotification, sendNotificationsFromSelect, listInbox, countUnread, openNotification, TITLE_MAX, BODY_MAX, type NotificationInput, type InboxItem } from './notifications.service.ts';
export { deliverDueNotifications, kickDeliveries, retryDelayMs, DEFAULT_POLICY, type NotificationDeps, type DeliveryPolicy, type DeliveryFilter, type DeliveryReport } from './delivery.service.ts';
export { createEmailSender, messageIdHost, type ChannelSender, type ChannelSenders, type OutgoingMessage, type SendResult } from './channels.ts';
export { deliverNotificationsJob, registerNotificationDeps } from './notifications.jobs.ts';
export type { DeliveryChannel, DeliveryStatus } from './notifications.table.ts';
export { listDeadLetters, retryDeadLetter, type DeadLetter, type OutboxStaffCaller } from './dead-letters.service.ts';
