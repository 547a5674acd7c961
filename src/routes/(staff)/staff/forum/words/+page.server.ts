import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '#lib/paraglide/messages.js';
import { addRiskTerm, addWatchedWord, forumActorOf, getForumAdmin, removeRiskTerm, removeWatchedWord, type ForumActor } from '#lib/server/forum/index.ts';
import { failFor, formInput } from '#lib/ui/forum/forum-result.ts';

function actorOf(locals: App.Locals): ForumActor {
  const actor = forumActorOf(locals);
  if (!actor) error(401, { message: m.error_sign_in_required() });
  return actor;
}

export const load: PageServerLoad = async ({ locals, url }) => {
  const admin = await getForumAdmin(locals.app, actorOf(locals));
  if (!admin.ok) error(403, { message: m.error_forbidden() });
  return { riskTerms: admin.value.riskTerms, watchedWords: admin.value.watchedWords, done: url.searchParams.get('done') };
};

export const actions: Actions = {
  addTerm: async ({ request, locals }) => {
    const values = formInput(await request.formData(), ['category', 'level', 'language', 'pattern', 'isRegex']);
    const result = await addRiskTerm(locals.app, actorOf(locals), values);
    if (!result.ok) return failFor(result.error, values, 'term');
    redirect(303, '/staff/forum/words?done=term_added#risk-terms');
  },
  removeTerm: async ({ request, locals }) => {
    const id = String((await request.formData()).get('id') ?? '');
    const result = await removeRiskTerm(locals.app, actorOf(locals), id);
    if (!result.ok) return failFor(result.error, {}, 'term');
    redirect(303, '/staff/forum/words?done=removed#risk-terms');
  },
  addWord: async ({ request, locals }) => {
    const values = formInput(await request.formData(), ['pattern', 'isRegex', 'action', 'replacement', 'message']);
    const result = await addWatchedWord(locals.app, actorOf(locals), values);
    if (!result.ok) return failFor(result.error, values, 'word');
    redirect(303, '/staff/forum/words?done=word_added#watched-words');
  },
  removeWord: async ({ request, locals }) => {
    const id = String((await request.formData()).get('id') ?? '');
    const result = await removeWatchedWord(locals.app, actorOf(locals), id);
    if (!result.ok) return failFor(result.error, {}, 'word');
    redirect(303, '/staff/forum/words?done=removed#watched-words');
  }
};
