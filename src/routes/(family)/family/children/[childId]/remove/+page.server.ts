import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { findChild, removeChild } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, notFound } from '../../../../hh-result.ts';

export const load: PageServerLoad = async ({ locals, params }) => {
  const child = await findChild(locals.app, personActor(locals), params.childId);
  if (!child.ok) notFound();
  return { child: { id: child.value.id, name: child.value.name } };
};

export const actions: Actions = {
  default: async ({ locals, params }) => {
    const result = await removeChild(locals.app, personActor(locals), params.childId);
    if (!result.ok) return failFor(result.error);
    redirect(303, '/family?done=child_removed');
  }
};
