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
