import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptOffer, cancelBooking, listMyBookings, unsubscribeSeatAlert } from '#lib/server/bookings/index.ts';
import { personActor } from '#lib/server/people/index.ts';
import { failWith } from '../../bookings-forms.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  return await listMyBookings(locals.app, personActor(locals), url.origin);
};

export const actions: Actions = {
  cancel: async ({ request, locals }) => {
    const form = await request.formData();
    const result = await cancelBooking(locals.app, personActor(locals), String(form.get('bookingId') ?? ''));
    if (!result.ok) return failWith(result.error, {}, 'cancel');
    redirect(303, '/bookings?done=cancelled');
  },
  accept: async ({ request, locals }) => {
    const form = await request.formData();
    const result = await acceptOffer(locals.app, personActor(locals), String(form.get('bookingId') ?? ''));
    if (!result.ok) return failWith(result.error, {}, 'accept');
    redirect(303, '/bookings?done=accepted');
  },
  unalert: async ({ request, locals }) => {
    const form = await request.formData();
    const result = await unsubscribeSeatAlert(locals.app, personActor(locals), String(form.get('slotId') ?? ''));
    if (!result.ok) return failWith(result.error, {}, 'alert');
    redirect(303, '/bookings?done=alert_off');
  }
};
