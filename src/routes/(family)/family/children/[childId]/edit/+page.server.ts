import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { findChild, updateChild } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor, formInput, notFound } from '../../../../hh-result.ts';

const FIELDS = ['name', 'birthDate', 'sex'] as const;

export const load: PageServerLoad = async ({ locals, params }) => {
  const child = await findChild(locals.app, personActor(locals), params.childId);
  if (!child.ok) notFound();
  return { child: child.value };
};

export const actions: Actions = {
  default: async ({ request, locals, params }) => {
    const values = formInput(await request.formData(), FIELDS);
    const result = await updateChild(locals.app, personActor(locals), params.childId, values);
    if (!result.ok) return failFor(result.error, values);
    redirect(303, '/family?done=child_updated');
  }
};
