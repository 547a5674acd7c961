import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cancelBooking, getSlotBookingView, requestRegistration, reserveSlot, subscribeSeatAlert, unsubscribeSeatAlert } from '#lib/server/bookings/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failWith, formValues, notFound } from '../../../../../bookings-forms.ts';

export const load: PageServerLoad = async ({ locals, params, url }) => {
  const viewer = locals.viewer ? personActor(locals) : undefined;
  const result = await getSlotBookingView(locals.app, locals.municipality.id, params.slotId, viewer);
  if (!result.ok || result.value.place.id !== params.id) notFound();
  const notice = url.searchParams.get('notice') ?? '';
  return {
    view: result.value,
    signedIn: Boolean(viewer),
    // One key per form shown: a double submit (or a retry after a lost answer) books once.
    idempotencyKey: randomUUID(),
    noticeId: /^[A-Za-z0-9_.:-]{1,100}$/.test(notice) ? notice : ''
  };
};

function signedInActor(locals: App.Locals, url: URL) {
  if (!locals.viewer) redirect(303, `/sign-in?next=${encodeURIComponent(url.pathname)}`);
  return personActor(locals);
}

export const actions: Actions = {
  book: async ({ request, locals, params, url }) => {
    const actor = signedInActor(locals, url);
    const form = await request.formData();
    const values = formValues(form, ['adults', 'joinWaitlist', 'idempotencyKey', 'noticeId']);
    const childIds = form.getAll('childIds').filter((v): v is string => typeof v === 'string');
    const result = await reserveSlot(locals.app, actor, { ...values, childIds, slotId: params.slotId }, 'web');
    if (!result.ok) return failWith(result.error, { ...values, childIds: childIds.join(',') }, 'book');
    redirect(303, `${url.pathname}?done=${result.value.status}`);
  },
  cancel: async ({ request, locals, url }) => {
    const actor = signedInActor(locals, url);
    const form = await request.formData();
    const result = await cancelBooking(locals.app, actor, String(form.get('bookingId') ?? ''));
    if (!result.ok) return failWith(result.error, {}, 'cancel');
    redirect(303, `${url.pathname}?done=cancelled`);
  },
  alert: async ({ locals, params, url }) => {
    const actor = signedInActor(locals, url);
    const result = await subscribeSeatAlert(locals.app, actor, params.slotId);
    if (!result.ok) return failWith(result.error, {}, 'alert');
    redirect(303, `${url.pathname}?done=alert_on`);
  },
  unalert: async ({ locals, params, url }) => {
    const actor = signedInActor(locals, url);
    const result = await unsubscribeSeatAlert(locals.app, actor, params.slotId);
    if (!result.ok) return failWith(result.error, {}, 'alert');
    redirect(303, `${url.pathname}?done=alert_off`);
  },
  register: async ({ request, locals, url }) => {
    const actor = signedInActor(locals, url);
    const form = await request.formData();
    const result = await requestRegistration(locals.app, actor, String(form.get('serviceId') ?? ''), String(form.get('childId') ?? ''));
    if (!result.ok) return failWith(result.error, {}, 'register');
    redirect(303, `${url.pathname}?done=registration`);
  }
};
