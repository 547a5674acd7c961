import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { changeForumSettings, forumActorOf, getForumAdmin, removeContact, saveContact, type ForumActor } from '#lib/server/forum/index.ts';
import { failFor, formInput } from '#lib/ui/forum/forum-result.ts';

function actorOf(locals: App.Locals): ForumActor {
  const actor = forumActorOf(locals);
  if (!actor) error(401, { message: m.error_sign_in_required() });
  return actor;
}

const LIMITS = ['newAccountDays', 'newAccountPublicPosts', 'newAccountDailyPosts', 'editWindowMinutes', 'flagHideThreshold'] as const;

function contactInput(form: FormData) {
  return { ...formInput(form, ['name', 'phone', 'hours', 'description']), categories: form.getAll('categories').filter((v): v is string => typeof v === 'string') };
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const admin = await getForumAdmin(locals.app, actorOf(locals));
  if (!admin.ok) error(403, { message: m.error_forbidden() });
  return { settings: admin.value.settings, contacts: admin.value.contacts, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  limits: async ({ request, locals }) => {
    const values = formInput(await request.formData(), LIMITS);
    const result = await changeForumSettings(locals.app, actorOf(locals), values);
    if (!result.ok) return failFor(result.error, values, 'limits');
    redirect(303, '/staff/forum/settings?done=limits');
  },
  contact: async ({ request, locals }) => {
    const form = await request.formData();
    const id = String(form.get('id') ?? '');
    const input = contactInput(form);
    const result = await saveContact(locals.app, actorOf(locals), input, id || undefined);
    if (!result.ok) return failFor(result.error, { ...input, categories: input.categories.join(','), id }, `contact-${id || 'new'}`);
    redirect(303, '/staff/forum/settings?done=contact#contacts');
  },
  removeContact: async ({ request, locals }) => {
    const id = String((await request.formData()).get('id') ?? '');
    const result = await removeContact(locals.app, actorOf(locals), id);
    if (!result.ok) return failFor(result.error, {}, 'remove');
    redirect(303, '/staff/forum/settings?done=contact#contacts');
  }
};
