import { describe, expect, it } from 'vitest';
import { releaseTimeAfterQuietHours } from './quiet-hours.ts';

const night = { start: '22:00', end: '07:00' };
const lunch = { start: '12:00', end: '13:30' };

describe('quiet hours (Asia/Tokyo)', () => {
  it.each([
    ['a send at 21:59 in Tokyo goes out at once', '2026-06-15T12:59:00Z', night, '2026-06-15T12:59:00.000Z'],
    ['a send at 22:00 waits until 07:00 the next morning', '2026-06-15T13:00:00Z', night, '2026-06-15T22:00:00.000Z'],
    ['a send at 03:00 waits until 07:00 the same morning', '2026-06-15T18:00:00Z', night, '2026-06-15T22:00:00.000Z'],
    ['a send at 07:00 goes out at once', '2026-06-15T22:00:00Z', night, '2026-06-15T22:00:00.000Z'],
    ['a window within one day holds sends inside it', '2026-06-15T03:10:00Z', lunch, '2026-06-15T04:30:00.000Z'],
    ['a window within one day lets sends after it go', '2026-06-15T04:30:00Z', lunch, '2026-06-15T04:30:00.000Z'],
    ['no quiet hours: at once', '2026-06-15T13:00:00Z', { start: null, end: null }, '2026-06-15T13:00:00.000Z'],
    ['start equal to end means no quiet hours', '2026-06-15T13:00:00Z', { start: '22:00', end: '22:00' }, '2026-06-15T13:00:00.000Z'],
    ['across the month end: 23:30 on 30 June waits until 07:00 on 1 July', '2026-06-30T14:30:00Z', night, '2026-06-30T22:00:00.000Z']
  ])('%s', (_name, at, quiet, expected) => {
    expect(releaseTimeAfterQuietHours(new Date(at), quiet).toISOString()).toBe(expected);
  });
});
