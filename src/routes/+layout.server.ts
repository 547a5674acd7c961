import type { LayoutServerLoad } from './$types';
import { getLocale } from '#lib/paraglide/runtime.js';
import { countUnread } from '#lib/server/notifications/index.ts';
import { personActor } from '#lib/server/people/index.ts';

export const load: LayoutServerLoad = async ({ locals, url }) => {
  const viewer = locals.viewer;
  return {
    locale: getLocale(),
    path: url.pathname + url.search,
    municipality: locals.municipality ? { name: locals.municipality.name, nameEn: locals.municipality.nameEn, nameEasy: locals.municipality.nameEasy } : null,
    viewer: viewer ? { name: viewer.user.name, email: viewer.user.email, roles: [...new Set(viewer.roles.map((r) => r.role))] } : null,
    unreadNotices: viewer && locals.app ? await countUnread(locals.app, personActor(locals)) : 0
  };
};
