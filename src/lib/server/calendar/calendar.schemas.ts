import { z } from 'zod';

const checkbox = z.preprocess((v) => v === 'on' || v === 'true' || v === true, z.boolean());

/** What the person chooses to put into their feed (both off by default: the least personal data). */
export const feedOptionsSchema = z.object({ includeNames: checkbox, includePregnancy: checkbox });

/** 32 random bytes, base64url: 43 characters. */
export const tokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
