import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import {
  announceEventPromotions,
  countEventRegistrations,
  openEventSessions,
  replaceEventSchedule,
  resizeEventSessions,
  tokyoInstant,
  tokyoTime,
  updateEventSessionDetails,
  type EventOccurrenceTimes,
  type Resize,
  type SessionSlots
} from '../bookings/index.ts';
import { canPublish, findOrganizationForMember, type MemberContext, type OrgActor } from '../organizations/index.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { addDays, now, today } from '../platform/clock.ts';
import { failure, ok, type AppError, type Result } from '../platform/errors.ts';
import { eventErrors } from './events.errors.ts';
import {
  findDirectoryPlace,
  findDistrictInMunicipality,
  findEvent,
  insertEvent,
  listEventsOfOrganization,
  listOccurrences,
  replaceOccurrences,
  setEventService,
  setEventStatus,
  updateEventRow,
  type EventRecord,
  type EventValues
} from './events.queries.ts';
import { eventSchema, fieldErrors, idSchema, type EventInput } from './events.schemas.ts';
import type { EventStatus } from './events.table.ts';

/** Aborts an event transaction with a domain error (everything in it is rolled back). */
class Refusal extends Error {
  readonly appError: AppError;
  constructor(error: AppError) {
    super(error.code);
    this.appError = error;
  }
}

async function refusalOf<T>(work: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await work());
  } catch (error) {
    if (error instanceof Refusal) return failure(error.appError);
    throw error;
  }
}

/** The organization as the actor's membership sees it; anything else is not found. */
async function memberOf(app: App, actor: OrgActor, organizationId: string): Promise<Result<MemberContext>> {
  return findOrganizationForMember(app, actor, organizationId);
}

/** Only owners and editors of a verified, unsuspended organization change its events. */
async function publisherOf(app: App, actor: OrgActor, organizationId: string): Promise<Result<MemberContext>> {
  const context = await memberOf(app, actor, organizationId);
  if (!context.ok) return context;
  return canPublish(context.value) ? context : failure(eventErrors.cannotPublish);
}

async function eventOf(app: App, actor: OrgActor, organizationId: string, eventId: string): Promise<EventRecord | undefined> {
  if (!idSchema.safeParse(eventId).success) return undefined;
  const event = await findEvent(app.database.db, actor.municipalityId, eventId);
  return event && event.organization_id === organizationId ? event : undefined;
}

/** The dates an event happens on: one day, or the same weekday for N weeks. */
export function occurrenceDates(firstDate: string, recurrence: 'single' | 'weekly', weeks: number): string[] {
  if (recurrence === 'single') return [firstDate];
  return Array.from({ length: weeks }, (_, i) => addDays(firstDate, i * 7));
}

function timesOf(input: Pick<EventInput, 'date' | 'recurrence' | 'repeatWeeks' | 'startTime' | 'endTime'>): EventOccurrenceTimes[] {
  return occurrenceDates(input.date, input.recurrence, input.repeatWeeks).map((date) => ({ date, startTime: input.startTime, endTime: input.endTime }));
}

function isPast(date: string, startTime: string): boolean {
  const day = today();
  return date < day || (date === day && startTime <= tokyoTime(now()));
}

export interface EventListItem {
  id: string;
  title: string;
  status: EventStatus;
  startsOn: string;
  endsOn: string;
  startTime: string;
  endTime: string;
  recurrence: 'single' | 'weekly';
  repeatWeeks: number;
  registration: string;
}

export interface OrganizationEvents {
  canPublish: boolean;
  events: EventListItem[];
}

/** The organization console's list of its events (every member sees it; only publishers change it). */
export async function listOrganizationEvents(app: App, actor: OrgActor, organizationId: string): Promise<Result<OrganizationEvents>> {
  const context = await memberOf(app, actor, organizationId);
  if (!context.ok) return context;
  const rows = await listEventsOfOrganization(app.database.db, actor.municipalityId, organizationId);
  return ok({
    canPublish: canPublish(context.value),
    events: rows.map((r) => ({
      id: r.id,
      title: r.title,
      status: r.status,
      startsOn: r.starts_on,
      endsOn: r.ends_on,
      startTime: r.start_time,
      endTime: r.end_time,
      recurrence: r.recurrence,
      repeatWeeks: r.repeat_weeks,
      registration: r.registration
    }))
  });
}

export interface EventForEditing {
  canPublish: boolean;
  event: EventRecord;
  registrations: number;
  /** The form's values as saved. */
  values: Record<string, string>;
}

function formValuesOf(e: EventRecord): Record<string, string> {
  const age = (months: number | null, bound: 'min' | 'max') => {
    if (months === null) return { value: '', unit: bound === 'min' ? 'months' : 'years' };
    if (bound === 'min' && months % 12 === 0 && months > 0) return { value: String(months / 12), unit: 'years' };
    if (bound === 'max' && months % 12 === 11) return { value: String((months - 11) / 12), unit: 'years' };
    return { value: String(months), unit: 'months' };
  };
  const min = age(e.min_age_months, 'min');
  const max = age(e.max_age_months, 'max');
  return {
    title: e.title,
    titleEn: e.title_en,
    titleEasy: e.title_easy,
    description: e.description,
    descriptionEn: e.description_en,
    descriptionEasy: e.description_easy,
    date: e.first_date,
    startTime: e.start_time,
    endTime: e.end_time,
    recurrence: e.recurrence,
    repeatWeeks: e.recurrence === 'weekly' ? String(e.repeat_weeks) : '',
    placeMode: e.place_id ? 'directory' : 'address',
    placeId: e.place_id ?? '',
    placeName: e.place_id ? '' : e.place_name,
    address: e.place_id ? '' : e.address,
    districtId: e.district_id ?? '',
    minAge: min.value,
    minAgeUnit: min.unit,
    maxAge: max.value,
    maxAgeUnit: max.unit,
    feeKind: e.fee_yen > 0 ? 'paid' : 'free',
    feeYen: e.fee_yen > 0 ? String(e.fee_yen) : '',
    feeNote: e.fee_note,
    registration: e.registration === 'bookings' ? 'bookings' : 'none',
    capacity: e.capacity === null ? '' : String(e.capacity),
    capacityUnit: e.capacity_unit ?? 'people'
  };
}

/** One event of the organization, for its edit form. */
export async function getEventForEditing(app: App, actor: OrgActor, organizationId: string, eventId: string): Promise<Result<EventForEditing>> {
  const context = await memberOf(app, actor, organizationId);
  if (!context.ok) return context;
  const event = await eventOf(app, actor, organizationId, eventId);
  if (!event) return failure(eventErrors.notFound);
  const registrations = event.service_id ? await countEventRegistrations(app.database.db, event.service_id) : 0;
  return ok({ canPublish: canPublish(context.value), event, registrations, values: formValuesOf(event) });
}

/** Validates the form and resolves the place and district (a directory place lends its district). */
async function resolveInput(db: Db, municipalityId: string, input: Record<string, unknown>, saved?: EventRecord): Promise<Result<{ input: EventInput; values: EventValues }>> {
  const parsed = eventSchema.safeParse(input);
  if (!parsed.success) return failure(eventErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const v = parsed.data;
  const fields: Record<string, string> = {};
  const dateChanged = !saved || saved.first_date !== v.date || saved.start_time !== v.startTime;
  if (dateChanged && isPast(v.date, v.startTime)) fields.date = 'events_error_date_past';
  const place = v.placeId ? await findDirectoryPlace(db, municipalityId, v.placeId) : undefined;
  if (v.placeId && !place) fields.placeId = 'events_error_place_required';
  if (v.districtId && !(await findDistrictInMunicipality(db, municipalityId, v.districtId))) fields.districtId = 'events_error_district_invalid';
  if (Object.keys(fields).length) return failure(eventErrors.invalidInput(fields));
  const dates = occurrenceDates(v.date, v.recurrence, v.repeatWeeks);
  return ok({
    input: v,
    values: {
      title: v.title,
      titleEn: v.titleEn,
      titleEasy: v.titleEasy,
      description: v.description,
      descriptionEn: v.descriptionEn,
      descriptionEasy: v.descriptionEasy,
      category: saved?.category ?? '',
      placeId: place?.id ?? null,
      placeName: place ? place.name : v.placeName,
      address: place ? place.address : v.address,
      lat: place?.lat ?? null,
      lng: place?.lng ?? null,
      districtId: v.districtId ?? place?.district_id ?? null,
      minAgeMonths: v.minAgeMonths,
      maxAgeMonths: v.maxAgeMonths,
      feeYen: v.feeYen,
      feeNote: v.feeNote,
      registration: v.registration,
      registrationNote: '',
      capacity: v.capacity,
      capacityUnit: v.capacityUnit,
      recurrence: v.recurrence,
      repeatWeeks: v.repeatWeeks,
      firstDate: v.date,
      startTime: v.startTime,
      endTime: v.endTime,
      startsOn: dates[0],
      endsOn: dates[dates.length - 1],
      organizerName: '',
      contactName: '',
      contactPhone: '',
      url: '',
      access: place?.access ?? ''
    }
  });
}

async function writeOccurrences(trx: Db, municipalityId: string, eventId: string, times: EventOccurrenceTimes[], slots: SessionSlots | null) {
  await replaceOccurrences(
    trx,
    municipalityId,
    eventId,
    times.map((t) => {
      const startsAt = tokyoInstant(t.date, t.startTime);
      return { occursOn: t.date, startsAt, endsAt: tokyoInstant(t.date, t.endTime), slotId: slots?.get(startsAt.toISOString()) ?? null };
    })
  );
}

function sessionDetails(values: EventValues, isActive: boolean) {
  return {
    name: values.title,
    description: values.description.slice(0, 1000),
    capacityUnit: values.capacityUnit ?? 'people',
    minAgeMonths: values.minAgeMonths,
    maxAgeMonths: values.maxAgeMonths,
    isActive
  };
}

/**
 * An owner or editor creates an event (a draft, or published at once with `publish`). With
 * registration, a bookings service and one slot per occurrence are made in the same transaction.
 */
export async function createEvent(app: App, actor: OrgActor, organizationId: string, input: Record<string, unknown>, options: { publish?: boolean } = {}): Promise<Result<{ id: string }>> {
  const context = await publisherOf(app, actor, organizationId);
  if (!context.ok) return context;
  const resolved = await resolveInput(app.database.db, actor.municipalityId, input);
  if (!resolved.ok) return resolved;
  const { input: v, values } = resolved.value;
  const status: EventStatus = options.publish ? 'published' : 'draft';
  const id = await app.database.db.transaction().execute(async (trx) => {
    const { id } = await insertEvent(trx, { ...values, municipalityId: actor.municipalityId, organizationId, createdBy: actor.userId, status });
    const times = timesOf(v);
    let slots: SessionSlots | null = null;
    if (values.registration === 'bookings' && values.placeId && values.capacity) {
      const opened = await openEventSessions(trx, { ...sessionDetails(values, status === 'published'), municipalityId: actor.municipalityId, placeId: values.placeId, capacity: values.capacity, occurrences: times });
      await setEventService(trx, id, opened.serviceId);
      slots = opened.slots;
    }
    await writeOccurrences(trx, actor.municipalityId, id, times, slots);
    await writeAudit(trx, actor, { action: status === 'published' ? 'event.publish' : 'event.create', recordType: 'event', recordId: id });
    return id;
  });
  return ok({ id });
}

function sameSchedule(saved: EventRecord, v: EventInput): boolean {
  return saved.first_date === v.date && saved.start_time === v.startTime && saved.end_time === v.endTime && saved.recurrence === v.recurrence && saved.repeat_weeks === v.repeatWeeks;
}

/**
 * Edits an event. With registrations already taken, the place and schedule stay as they are and the
 * capacity can't go below the seats already held (each refused beside its field, nothing changed);
 * a larger capacity moves waiting households in.
 */
export async function updateEvent(app: App, actor: OrgActor, organizationId: string, eventId: string, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
  const context = await publisherOf(app, actor, organizationId);
  if (!context.ok) return context;
  const saved = await eventOf(app, actor, organizationId, eventId);
  if (!saved) return failure(eventErrors.notFound);
  const resolved = await resolveInput(app.database.db, actor.municipalityId, input, saved);
  if (!resolved.ok) return resolved;
  const { input: v, values } = resolved.value;
  const municipalityId = actor.municipalityId;
  let resize: Resize | undefined;
  const result = await refusalOf(() =>
    app.database.db.transaction().execute(async (trx) => {
      const registrations = saved.service_id ? await countEventRegistrations(trx, saved.service_id) : 0;
      const scheduleChanged = !sameSchedule(saved, v);
      const placeChanged = saved.place_id !== values.placeId;
      if (registrations > 0) {
        const fields: Record<string, string> = {};
        if (scheduleChanged) fields.date = 'events_error_schedule_locked';
        if (placeChanged) fields.placeId = 'events_error_place_locked';
        if (values.registration !== 'bookings') fields.registration = 'events_error_registration_locked';
        else if (saved.capacity_unit !== values.capacityUnit) fields.capacityUnit = 'events_error_unit_locked';
        if (Object.keys(fields).length) throw new Refusal(eventErrors.invalidInput(fields));
      }
      await updateEventRow(trx, saved.id, values);
      const times = timesOf(v);
      const active = saved.status === 'published';
      let serviceId = saved.service_id;
      let slots: SessionSlots | null = null;
      if (serviceId && (placeChanged || values.registration !== 'bookings')) {
        // Nobody registered (checked above): the old session closes; a new place gets a new one.
        await updateEventSessionDetails(trx, municipalityId, serviceId, sessionDetails(values, false));
        serviceId = null;
        await setEventService(trx, saved.id, null);
      }
      if (values.registration === 'bookings' && values.placeId && values.capacity) {
        if (!serviceId) {
          const opened = await openEventSessions(trx, { ...sessionDetails(values, active), municipalityId, placeId: values.placeId, capacity: values.capacity, occurrences: times });
          serviceId = opened.serviceId;
          await setEventService(trx, saved.id, serviceId);
          slots = opened.slots;
        } else {
          await updateEventSessionDetails(trx, municipalityId, serviceId, sessionDetails(values, active));
          if (scheduleChanged) slots = await replaceEventSchedule(trx, municipalityId, serviceId, values.capacity, times);
          resize = await resizeEventSessions(trx, municipalityId, serviceId, values.capacity);
          if (!resize.ok) throw new Refusal(eventErrors.invalidInput({ capacity: 'events_error_capacity_below_registrations' }));
          if (!scheduleChanged) slots = new Map((await listOccurrences(trx, [saved.id])).filter((o) => o.slot_id).map((o) => [o.starts_at.toISOString(), o.slot_id!]));
        }
      }
      await writeOccurrences(trx, municipalityId, saved.id, times, slots);
      await writeAudit(trx, actor, { action: 'event.update', recordType: 'event', recordId: saved.id });
      return { id: saved.id };
    })
  );
  if (result.ok && resize) await announceEventPromotions(app, municipalityId, resize);
  return result;
}

/** Publishes (or re-publishes) an event: it is listed, and registration opens. Past events can't be. */
export async function publishEvent(app: App, actor: OrgActor, organizationId: string, eventId: string): Promise<Result<{ id: string }>> {
  return changeStatus(app, actor, organizationId, eventId, 'published');
}

/** Takes an event off the public lists; registrations stay, but no new ones are taken. */
export async function unpublishEvent(app: App, actor: OrgActor, organizationId: string, eventId: string): Promise<Result<{ id: string }>> {
  return changeStatus(app, actor, organizationId, eventId, 'unpublished');
}

async function changeStatus(app: App, actor: OrgActor, organizationId: string, eventId: string, status: EventStatus): Promise<Result<{ id: string }>> {
  const context = await publisherOf(app, actor, organizationId);
  if (!context.ok) return context;
  const saved = await eventOf(app, actor, organizationId, eventId);
  if (!saved) return failure(eventErrors.notFound);
  if (status === 'published' && saved.ends_on < today()) return failure(eventErrors.invalidInput({ date: 'events_error_date_past' }));
  await app.database.db.transaction().execute(async (trx) => {
    await setEventStatus(trx, saved.id, status);
    if (saved.service_id) {
      await updateEventSessionDetails(trx, actor.municipalityId, saved.service_id, {
        name: saved.title,
        description: saved.description.slice(0, 1000),
        capacityUnit: saved.capacity_unit ?? 'people',
        minAgeMonths: saved.min_age_months,
        maxAgeMonths: saved.max_age_months,
        isActive: status === 'published'
      });
    }
    await writeAudit(trx, actor, { action: status === 'published' ? 'event.publish' : 'event.unpublish', recordType: 'event', recordId: saved.id });
  });
  return ok({ id: saved.id });
}
