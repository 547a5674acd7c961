export { reserveSlot, cancelBooking, acceptOffer, expireOffers, type ReserveOutcome } from './bookings.service.ts';
export {
  getPlaceAvailability,
  getAvailabilitySnapshot,
  getSlotBookingView,
  listBookablePlaces,
  listMyBookings,
  AVAILABILITY_DAYS,
  type PlaceAvailability,
  type SlotView,
  type ServiceView,
  type SlotBookingView,
  type ChildChoice,
  type BookablePlace,
  type MyBooking
} from './availability.service.ts';
export { listHeldBookings, type HeldBooking } from './household-bookings.service.ts';
export { subscribeSeatAlert, unsubscribeSeatAlert, requestRegistration } from './alerts.service.ts';
export {
  listProviderPlaces,
  createService,
  updateServiceSettings,
  getServiceForProvider,
  addPattern,
  addClosure,
  getRoster,
  checkInBooking,
  checkInByToken,
  setBookingAttendance,
  decideBooking,
  messageAttendees,
  closeSlot,
  decideRegistration,
  type ProviderActor,
  type ProviderConsole,
  type ProviderPlace,
  type RosterEntry
} from './provider.service.ts';
export { generateSlots, SLOT_HORIZON_DAYS } from './slots.service.ts';
export { availabilityBus, closeAvailabilityBus, type AvailabilityBus } from './availability-bus.ts';
export { tokyoTime, tokyoInstant } from './booking-rules.ts';
export { SERVICE_KINDS, CAPACITY_UNITS, MAX_CHILDREN_PER_BOOKING } from './bookings.schemas.ts';
export { bookingErrors, BOOKING_API_ERRORS } from './bookings.errors.ts';
export type { BookingDeps } from './booking-notices.ts';
export type { BookingStatus, ServiceKind, CapacityUnit, BookingChannel } from './bookings.table.ts';
export { seedBookingDemo, type DemoPlaceSpec } from './bookings.demo.ts';
export { exportBookingsDataOf, type BookingsDataExport } from './personal-data.service.ts';
export { getBookingKpi, type BookingKpi, type BookingKpiRow } from './kpi.service.ts';
export {
  openEventSessions,
  updateEventSessionDetails,
  countEventRegistrations,
  replaceEventSchedule,
  resizeEventSessions,
  announceEventPromotions,
  listEventSeats,
  countSlotRegistrations,
  type EventSessionDetails,
  type EventOccurrenceTimes,
  type SessionSlots,
  type SlotSeats,
  type Resize
} from './event-sessions.service.ts';
