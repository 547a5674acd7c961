import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isOnlyGuardian, leaveHousehold } from '#lib/server/households/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failFor } from '../../../hh-result.ts';

export const load: PageServerLoad = async ({ locals }) => {
  const only = await isOnlyGuardian(locals.app, personActor(locals));
  if (!only.ok) redirect(303, '/family');
  return { isOnlyGuardian: only.value };
};

export const actions: Actions = {
  default: async ({ locals }) => {
    const result = await leaveHousehold(locals.app, personActor(locals));
    if (!result.ok) return failFor(result.error);
    redirect(303, `/family?done=${result.value.householdDeleted ? 'left_deleted' : 'left'}`);
  }
};
