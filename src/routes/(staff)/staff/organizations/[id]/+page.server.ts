import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { approveOrganization, getOrganizationForReview, refuseOrganization, requestMoreInformation, setSuspension } from '#lib/server/organizations/index.ts';
import { callerOf, type Caller } from '#lib/server/municipalities/index.ts';
import { absoluteUrlFor } from '#lib/server/app.ts';
import { m } from '#lib/paraglide/messages.js';
import { orgFailure, orgFormInput, orgNotFound } from '#lib/ui/org-form.ts';
import type { Result } from '#lib/server/platform/errors.ts';

function staffOf(locals: App.Locals): Caller {
  const caller = callerOf(locals);
  if (!caller) error(401, { message: m.error_sign_in_required() });
  return caller;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const view = await getOrganizationForReview(locals.app, staffOf(locals), params.id);
  if (!view.ok) orgNotFound();
  return { ...view.value, done: url.searchParams.get('done') };
};

async function decide(event: RequestEvent, action: string, run: (caller: Caller, input: Record<string, unknown>, link: (path: string) => string) => Promise<Result<unknown>>) {
  const { values, input } = orgFormInput(await event.request.formData());
  const link = absoluteUrlFor(event.locals.app.config);
  const result = await run(staffOf(event.locals), input, (path) => link(path, event.request));
  if (!result.ok) return orgFailure(result.error, values, {}, action);
  redirect(303, `/staff/organizations/${event.params.id}?done=${action}`);
}

export const actions: Actions = {
  approve: (event) => decide(event, 'approve', (caller, _input, link) => approveOrganization(event.locals.app, caller, event.params.id, link)),
  needsInfo: (event) => decide(event, 'needsInfo', (caller, input, link) => requestMoreInformation(event.locals.app, caller, event.params.id, input, link)),
  refuse: (event) => decide(event, 'refuse', (caller, input, link) => refuseOrganization(event.locals.app, caller, event.params.id, input, link)),
  suspend: (event) => decide(event, 'suspend', (caller, input, link) => setSuspension(event.locals.app, caller, event.params.id, true, input, link)),
  unsuspend: (event) => decide(event, 'unsuspend', (caller, input, link) => setSuspension(event.locals.app, caller, event.params.id, false, input, link))
};
