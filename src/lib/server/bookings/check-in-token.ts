import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The check-in QR code carries `<booking id>.<signature>`: a provider who opens it checks the booking
 * in. The signature (HMAC-SHA256 with the app's secret) makes the code unguessable without storing it.
 */
export function signCheckIn(secret: string, bookingId: string): string {
  return `${bookingId}.${signature(secret, bookingId)}`;
}

export function verifyCheckIn(secret: string, token: string): string | undefined {
  const match = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{22,64})$/.exec(token.trim());
  if (!match) return undefined;
  const expected = Buffer.from(signature(secret, match[1]));
  const given = Buffer.from(match[2]);
  return expected.length === given.length && timingSafeEqual(expected, given) ? match[1] : undefined;
}

function signature(secret: string, bookingId: string): string {
  return createHmac('sha256', `booking-check-in:${secret}`).update(bookingId).digest('base64url').slice(0, 32);
}
