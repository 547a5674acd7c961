import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { m } from '#lib/paraglide/messages.js';
import {
  addClosure,
  addPattern,
  checkInBooking,
  checkInByToken,
  closeSlot,
  createService,
  decideBooking,
  decideRegistration,
  getRoster,
  getServiceForProvider,
  listProviderPlaces,
  messageAttendees,
  setBookingAttendance,
  updateServiceSettings,
  SERVICE_KINDS,
  CAPACITY_UNITS,
  type ProviderConsole
} from '#lib/server/bookings/index.ts';
import { today } from '#lib/server/platform/clock.ts';
import { failWith, formValues, notFound, providerActor } from './bookings-forms.ts';

/**
 * The provider console's pages, shared by the organization console (/org/bookings: places of the
 * member's organizations) and the staff console (/staff/bookings: ward-run places). Each +page file
 * binds these to its console; the service checks the provider's scope again on every call.
 */

const SERVICE_FIELDS = [
  'kind',
  'name',
  'description',
  'capacityUnit',
  'minAgeMonths',
  'maxAgeMonths',
  'requiresRegistration',
  'requiresApproval',
  'opensDaysAhead',
  'opensAtTime',
  'cancelHoursBefore',
  'cancelByTime',
  'monthlyCap',
  'offerHours',
  'isActive'
] as const;
const PATTERN_FIELDS = ['weekday', 'startTime', 'endTime', 'capacity', 'validFrom', 'validUntil', 'skipHolidays'] as const;

const base = (console: ProviderConsole) => `/${console}/bookings`;

export function homePage(console: ProviderConsole) {
  return {
    load: async ({ locals }: RequestEvent) => ({
      places: await listProviderPlaces(locals.app, providerActor(locals), console),
      kinds: SERVICE_KINDS,
      units: CAPACITY_UNITS,
      base: base(console)
    }),
    actions: {
      createService: async ({ request, locals }: RequestEvent) => {
        const form = await request.formData();
        const values = formValues(form, ['placeId', ...SERVICE_FIELDS]);
        const result = await createService(locals.app, providerActor(locals), console, values.placeId ?? '', values);
        if (!result.ok) return failWith(result.error, values, 'service');
        redirect(303, `${base(console)}/services/${result.value.id}?done=service_created`);
      },
      registration: async ({ request, locals }: RequestEvent) => {
        const form = await request.formData();
        const decision = form.get('decision') === 'approve' ? 'approve' : 'decline';
        const result = await decideRegistration(locals.app, providerActor(locals), console, String(form.get('registrationId') ?? ''), decision);
        if (!result.ok) return failWith(result.error, {}, 'registration');
        redirect(303, `${base(console)}?done=registration_${decision}d`);
      }
    }
  };
}

export function servicePage(console: ProviderConsole) {
  return {
    load: async ({ locals, params }: RequestEvent) => {
      const result = await getServiceForProvider(locals.app, providerActor(locals), console, params.serviceId ?? '');
      if (!result.ok) notFound();
      return { ...result.value, kinds: SERVICE_KINDS, units: CAPACITY_UNITS, base: base(console), today: today() };
    },
    actions: {
      update: async ({ request, locals, params, url }: RequestEvent) => {
        const values = formValues(await request.formData(), SERVICE_FIELDS);
        const result = await updateServiceSettings(locals.app, providerActor(locals), console, params.serviceId ?? '', values);
        if (!result.ok) return failWith(result.error, values, 'service');
        redirect(303, `${url.pathname}?done=service_updated`);
      },
      pattern: async ({ request, locals, params, url }: RequestEvent) => {
        const values = formValues(await request.formData(), PATTERN_FIELDS);
        const result = await addPattern(locals.app, providerActor(locals), console, params.serviceId ?? '', values);
        if (!result.ok) return failWith(result.error, values, 'pattern');
        redirect(303, `${url.pathname}?done=pattern_added`);
      },
      closure: async ({ request, locals, params, url }: RequestEvent) => {
        const values = formValues(await request.formData(), ['closedOn', 'reason']);
        const result = await addClosure(locals.app, providerActor(locals), console, params.serviceId ?? '', values);
        if (!result.ok) return failWith(result.error, values, 'closure');
        redirect(303, `${url.pathname}?done=closure_added`);
      }
    }
  };
}

export function rosterPage(console: ProviderConsole) {
  const back = (url: URL, done: string) => redirect(303, `${url.pathname}?done=${done}`);
  const bookingId = async (request: Request) => String((await request.formData()).get('bookingId') ?? '');
  return {
    load: async ({ locals, params }: RequestEvent) => {
      const result = await getRoster(locals.app, providerActor(locals), console, params.slotId ?? '');
      if (!result.ok) notFound();
      return { ...result.value, base: base(console) };
    },
    actions: {
      checkIn: async ({ request, locals, url }: RequestEvent) => {
        const result = await checkInBooking(locals.app, providerActor(locals), console, await bookingId(request));
        if (!result.ok) return failWith(result.error, {}, 'roster');
        back(url, 'checked_in');
      },
      noShow: async ({ request, locals, url }: RequestEvent) => {
        const result = await setBookingAttendance(locals.app, providerActor(locals), console, await bookingId(request), 'no_show');
        if (!result.ok) return failWith(result.error, {}, 'roster');
        back(url, 'no_show');
      },
      clearAttendance: async ({ request, locals, url }: RequestEvent) => {
        const result = await setBookingAttendance(locals.app, providerActor(locals), console, await bookingId(request), 'none');
        if (!result.ok) return failWith(result.error, {}, 'roster');
        back(url, 'attendance_cleared');
      },
      approve: async ({ request, locals, url }: RequestEvent) => {
        const result = await decideBooking(locals.app, providerActor(locals), console, await bookingId(request), 'approve');
        if (!result.ok) return failWith(result.error, {}, 'roster');
        back(url, 'approved');
      },
      decline: async ({ request, locals, url }: RequestEvent) => {
        const result = await decideBooking(locals.app, providerActor(locals), console, await bookingId(request), 'decline');
        if (!result.ok) return failWith(result.error, {}, 'roster');
        back(url, 'declined');
      },
      message: async ({ request, locals, params, url }: RequestEvent) => {
        const values = formValues(await request.formData(), ['subject', 'body']);
        const result = await messageAttendees(locals.app, providerActor(locals), console, params.slotId ?? '', values);
        if (!result.ok) return failWith(result.error, values, 'message');
        back(url, 'message_sent');
      },
      close: async ({ request, locals, params, url }: RequestEvent) => {
        const values = formValues(await request.formData(), ['reason']);
        const result = await closeSlot(locals.app, providerActor(locals), console, params.slotId ?? '', values);
        if (!result.ok) return failWith(result.error, values, 'close');
        back(url, 'slot_closed');
      }
    }
  };
}

/**
 * Opening the QR code's link as the provider checks the booking in (idempotent: opening it twice
 * changes nothing). Without a token the page asks for the code.
 */
export function checkInPage(console: ProviderConsole) {
  return {
    load: async ({ locals, url }: RequestEvent) => {
      const token = url.searchParams.get('token');
      if (!token) return { result: null, base: base(console) };
      const result = await checkInByToken(locals.app, providerActor(locals), console, token);
      if (!result.ok) {
        if (result.error.status === 404) error(404, { message: m.error_not_found() });
        return { result: { ok: false as const, messageKey: result.error.messageKey }, base: base(console) };
      }
      return { result: { ok: true as const, ...result.value }, base: base(console) };
    }
  };
}
