import { describe, expect, it } from 'vitest';
import { isSessionOver } from './session.ts';

const createdAt = new Date('2026-11-01T00:00:00Z');
const DAY = 86_400_000;

describe('when a session is over', () => {
  it('is over once its sliding expiry has passed', () => {
    const expiresAt = new Date(createdAt.getTime() + 3 * DAY);
    expect(isSessionOver({ createdAt, expiresAt }, new Date(createdAt.getTime() + 2 * DAY), 30 * 86_400)).toBe(false);
    expect(isSessionOver({ createdAt, expiresAt }, expiresAt, 30 * 86_400)).toBe(true);
  });

  it('is over at the maximum age even when its expiry has slid further', () => {
    const expiresAt = new Date(createdAt.getTime() + 40 * DAY);
    expect(isSessionOver({ createdAt, expiresAt }, new Date(createdAt.getTime() + 30 * DAY - 1), 30 * 86_400)).toBe(false);
    expect(isSessionOver({ createdAt, expiresAt }, new Date(createdAt.getTime() + 30 * DAY), 30 * 86_400)).toBe(true);
  });
});
