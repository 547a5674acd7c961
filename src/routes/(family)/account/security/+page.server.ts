import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { m } from '#lib/paraglide/messages.js';
import {
  authRequestOf,
  cancelTotpEnrolment,
  confirmTotpEnrolment,
  disableTotp,
  errorText,
  fieldMessages,
  findTwoFactorStatus,
  formValues,
  renderQrCodeDataUrl,
  startTotpEnrolment
} from '#lib/server/auth/index.ts';
import type { AppError } from '#lib/server/platform/errors.ts';

export const load: PageServerLoad = async ({ locals, url }) => {
  const viewer = locals.viewer;
  if (!viewer) error(401);
  const status = await findTwoFactorStatus(locals.app, viewer);
  return {
    isEnabled: status.isEnabled,
    isRequired: status.isRequired || url.searchParams.get('required') === '1',
    mustKeep: status.isRequired,
    pending: status.pending ? { qrCode: await renderQrCodeDataUrl(status.pending.uri), secret: status.pending.secret } : undefined
  };
};

function viewerOf(event: RequestEvent) {
  const viewer = event.locals.viewer;
  if (!viewer) error(401);
  return viewer;
}

function failWith(form: string, { error: problem }: { error: AppError }) {
  return fail(problem.status, { form, errors: fieldMessages(problem.fields), message: problem.fields ? undefined : errorText(problem) });
}

export const actions: Actions = {
  start: async (event) => {
    const result = await startTotpEnrolment(event.locals.app, viewerOf(event), formValues(await event.request.formData()), authRequestOf(event));
    if (!result.ok) return failWith('start', result);
    // The next page shows the QR code from the stored, still unconfirmed secret (also after a reload).
    redirect(303, event.url.pathname);
  },
  confirm: async (event) => {
    const result = await confirmTotpEnrolment(event.locals.app, viewerOf(event), formValues(await event.request.formData()), authRequestOf(event));
    if (!result.ok) return failWith('confirm', result);
    return { notice: m.auth_security_enabled(), backupCodes: result.value.backupCodes };
  },
  cancel: async (event) => {
    await cancelTotpEnrolment(event.locals.app, viewerOf(event), authRequestOf(event));
    return { notice: m.auth_security_cancelled() };
  },
  disable: async (event) => {
    const result = await disableTotp(event.locals.app, viewerOf(event), formValues(await event.request.formData()), authRequestOf(event));
    if (!result.ok) return failWith('disable', result);
    return { notice: m.auth_security_disabled() };
  }
};
