import type { Generated } from 'kysely';

export type ServiceKind = 'temporary_care' | 'sick_child_care' | 'session' | 'consultation';
export type CapacityUnit = 'children' | 'people' | 'households';
export type BookingStatus = 'confirmed' | 'pending' | 'offered' | 'waitlisted' | 'cancelled' | 'declined' | 'expired';
export type BookingChannel = 'web' | 'api';

/** A bookable service at a place: its kind, how capacity is counted and the provider's rules. */
export interface BookingServiceTable {
  id: Generated<string>;
  municipality_id: string;
  place_id: string;
  kind: ServiceKind;
  name: string;
  description: Generated<string>;
  capacity_unit: CapacityUnit;
  min_age_months: number | null;
  max_age_months: number | null;
  /** The facility must approve a child (事前登録) before the child's first booking. */
  requires_registration: Generated<boolean>;
  /** Bookings wait for the provider's approval (and waiting-list offers are time-boxed). */
  requires_approval: Generated<boolean>;
  /** A slot on day D opens for booking on D − N days at opens_at_time (Tokyo); 0 = same day. */
  opens_days_ahead: Generated<number>;
  opens_at_time: Generated<string>;
  cancel_hours_before: Generated<number>;
  /** When set, cancelling is allowed until this hour on the slot's day (病児保育), whatever the hours rule. */
  cancel_by_time: string | null;
  monthly_cap: number | null;
  offer_hours: Generated<number>;
  is_active: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface BookingPatternTable {
  id: Generated<string>;
  municipality_id: string;
  service_id: string;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
  start_time: string;
  end_time: string;
  capacity: number;
  valid_from: string;
  valid_until: string | null;
  skip_holidays: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface BookingClosureTable {
  id: Generated<string>;
  municipality_id: string;
  service_id: string;
  closed_on: string;
  reason: Generated<string>;
  created_at: Generated<Date>;
}

export interface BookingSlotTable {
  id: Generated<string>;
  municipality_id: string;
  service_id: string;
  place_id: string;
  pattern_id: string | null;
  slot_date: string;
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  seats_taken: Generated<number>;
  status: Generated<'open' | 'closed'>;
  closed_reason: string | null;
  closed_at: Date | null;
  created_at: Generated<Date>;
}

export interface BookingTable {
  id: Generated<string>;
  municipality_id: string;
  slot_id: string;
  service_id: string;
  household_id: string;
  booked_by: string;
  seats: number;
  adults: Generated<number>;
  status: BookingStatus;
  channel: BookingChannel;
  /** The notice (お知らせ) the booking came from, for "applications per notice". */
  notice_id: string | null;
  idempotency_key: string | null;
  created_at: Generated<Date>;
  confirmed_at: Date | null;
  cancelled_at: Date | null;
  offer_expires_at: Date | null;
  attendance: 'checked_in' | 'no_show' | null;
  attendance_at: Date | null;
}

export interface BookingChildTable {
  booking_id: string;
  child_id: string;
}

export interface BookingRegistrationTable {
  id: Generated<string>;
  municipality_id: string;
  place_id: string;
  household_id: string;
  child_id: string;
  status: Generated<'requested' | 'approved' | 'declined'>;
  requested_by: string;
  requested_at: Generated<Date>;
  decided_at: Date | null;
  decided_by: string | null;
}

export interface BookingAlertTable {
  slot_id: string;
  user_id: string;
  municipality_id: string;
  created_at: Generated<Date>;
  notified_at: Date | null;
}

export interface BookingTables {
  booking_service: BookingServiceTable;
  booking_pattern: BookingPatternTable;
  booking_closure: BookingClosureTable;
  booking_slot: BookingSlotTable;
  booking: BookingTable;
  booking_child: BookingChildTable;
  booking_registration: BookingRegistrationTable;
  booking_alert: BookingAlertTable;
}
