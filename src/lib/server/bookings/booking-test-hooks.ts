/**
 * Test-only switches of the booking transaction (never set by the app): a pause between the checks and
 * the seat write, to widen the race window, and the unprotected read-then-write path the control test
 * uses to show that the race test can fail.
 */
export const bookingTestHooks: {
  betweenCheckAndWrite?: () => Promise<void>;
  unprotected?: boolean;
} = {};
