import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { authRequestOf, errorText, formatDateTime, formValues, listOwnSessions, revokeOtherSessions, revokeOwnSession } from '#lib/server/auth/index.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const viewer = locals.viewer;
  if (!viewer) error(401);
  const sessions = await listOwnSessions(locals.app, viewer);
  return {
    sessions: sessions.map((s) => ({
      id: s.id,
      isCurrent: s.isCurrent,
      device:
        s.device.browser || s.device.system
          ? m.auth_sessions_device({ browser: s.device.browser ?? m.auth_sessions_device_unknown(), system: s.device.system ?? '?' })
          : m.auth_sessions_device_unknown(),
      address: s.address ?? m.auth_sessions_address_unknown(),
      startedAt: formatDateTime(s.startedAt),
      lastActiveAt: formatDateTime(s.lastActiveAt)
    }))
  };
};

export const actions: Actions = {
  revoke: async (event) => {
    const viewer = event.locals.viewer;
    if (!viewer) error(401);
    const result = await revokeOwnSession(event.locals.app, viewer, formValues(await event.request.formData()), authRequestOf(event));
    if (!result.ok) return fail(result.error.status, { message: errorText(result.error) });
    return { notice: m.auth_sessions_revoked() };
  },
  revokeOthers: async (event) => {
    const viewer = event.locals.viewer;
    if (!viewer) error(401);
    const result = await revokeOtherSessions(event.locals.app, viewer, authRequestOf(event));
    if (!result.ok) return fail(result.error.status, { message: errorText(result.error) });
    return { notice: m.auth_sessions_others_revoked({ count: result.value.count }) };
  }
};
