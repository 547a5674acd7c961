// Web Push only: shows notices and opens them. It caches nothing and has no fetch handler, so every
// page still comes from the server. It is registered by the settings page when a person turns push on
// (kit.serviceWorker.register is false), so nobody else gets a worker. Type-checked on its own with
// the WebWorker library: `npx tsc -p src/service-worker`.

const sw = self as unknown as ServiceWorkerGlobalScope;

interface Notice {
  title: string;
  body: string;
  url: string;
  id: string | undefined;
}

function readNotice(data: PushMessageData | null): Notice {
  const fallback: Notice = { title: '育み', body: '新しいお知らせがあります。', url: '/', id: undefined };
  try {
    const value = data?.json() as Partial<Record<keyof Notice, unknown>> | undefined;
    if (!value || typeof value.title !== 'string') return fallback;
    return {
      title: value.title,
      body: typeof value.body === 'string' ? value.body : '',
      url: typeof value.url === 'string' ? value.url : '/',
      id: typeof value.id === 'string' ? value.id : undefined
    };
  } catch {
    return fallback;
  }
}

/** Only pages of this site are opened; anything else falls back to the home page. */
function sameOriginUrl(url: unknown): string {
  try {
    const target = new URL(typeof url === 'string' ? url : '/', sw.location.origin);
    if (target.origin === sw.location.origin) return target.href;
  } catch {
    // not a URL
  }
  return new URL('/', sw.location.origin).href;
}

sw.addEventListener('install', () => {
  void sw.skipWaiting();
});

sw.addEventListener('activate', (event) => {
  event.waitUntil(sw.clients.claim());
});

sw.addEventListener('push', (event) => {
  const notice = readNotice(event.data);
  // The tag is the notice's stable id: a repeated send replaces the notification instead of adding one.
  event.waitUntil(
    sw.registration.showNotification(notice.title, { body: notice.body, tag: notice.id, data: { url: sameOriginUrl(notice.url) }, icon: '/favicon.svg' })
  );
});

sw.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = sameOriginUrl((event.notification.data as { url?: unknown } | null)?.url);
  event.waitUntil(
    (async () => {
      const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((client) => client.url === target);
      if (open) {
        await open.focus();
        return;
      }
      await sw.clients.openWindow(target);
    })()
  );
});

// The browser renewed the subscription (key rotation, expiry): register the new one and drop the old,
// with the session cookie of whoever is signed in on this browser.
interface PushSubscriptionChangeEvent extends ExtendableEvent {
  readonly oldSubscription: PushSubscription | null;
  readonly newSubscription: PushSubscription | null;
}

sw.addEventListener('pushsubscriptionchange', (event) => {
  const change = event as PushSubscriptionChangeEvent;
  const send = (method: 'POST' | 'DELETE', body: unknown) =>
    fetch('/api/v1/me/push-subscriptions', { method, credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  change.waitUntil(
    (async () => {
      const renewed =
        change.newSubscription ??
        (change.oldSubscription?.options.applicationServerKey
          ? await sw.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: change.oldSubscription.options.applicationServerKey })
          : null);
      if (renewed) await send('POST', renewed.toJSON());
      if (change.oldSubscription) await send('DELETE', { endpoint: change.oldSubscription.endpoint });
    })()
  );
});
