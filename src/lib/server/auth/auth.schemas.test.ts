import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupCodeSchema, fieldErrors, signInSchema, signUpSchema, totpCodeSchema } from './auth.schemas.ts';

const valid = { name: 'ゆう', email: 'yu@example.jp', password: 'correct horse', passwordConfirm: 'correct horse' };

describe('the sign-up form', () => {
  it('lower-cases and trims the email and normalises the name', () => {
    const parsed = signUpSchema.parse({ ...valid, name: '  ＡＢＣ  ', email: '  Yu@Example.JP ' });
    expect(parsed).toMatchObject({ name: 'ABC', email: 'yu@example.jp' });
  });

  it.each(['123456789012', '1234-5678-9012', '１２３４ ５６７８ ９０１２', 'ママ 123456789012'])('never accepts a マイナンバー-like number in the name: %s', (name) => {
    const result = signUpSchema.safeParse({ ...valid, name });
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error).name).toBe('auth_error_no_individual_number');
  });

  it('accepts short numbers in a name, such as a birth year', () => {
    expect(signUpSchema.safeParse({ ...valid, name: 'ママ2026' }).success).toBe(true);
  });

  it('answers any input with a result, never an exception, and only with catalogue keys', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('name', 'email', 'password', 'passwordConfirm', 'other'), fc.oneof(fc.string(), fc.integer(), fc.constant(undefined))), (input) => {
        const result = signUpSchema.safeParse(input);
        if (!result.success) for (const key of Object.values(fieldErrors(result.error))) expect(key).toMatch(/^auth_/);
      })
    );
  });
});

describe('the sign-in form', () => {
  it('asks for both fields', () => {
    const result = signInSchema.safeParse({});
    expect(result.success).toBe(false);
    if (!result.success) expect(fieldErrors(result.error)).toEqual({ email: 'auth_error_email_required', password: 'auth_error_password_required' });
  });
});

describe('the code fields', () => {
  it('forgive spaces and full-width digits in an authenticator code', () => {
    expect(totpCodeSchema.parse({ code: ' １２３ ４５６ ' }).code).toBe('123456');
    expect(totpCodeSchema.safeParse({ code: '12345' }).success).toBe(false);
  });

  it('accept a backup code with or without its hyphen', () => {
    expect(backupCodeSchema.parse({ backupCode: 'AbCde12345' }).backupCode).toBe('AbCde-12345');
    expect(backupCodeSchema.parse({ backupCode: ' AbCde-12345 ' }).backupCode).toBe('AbCde-12345');
    expect(backupCodeSchema.safeParse({ backupCode: 'abc' }).success).toBe(false);
  });
});
