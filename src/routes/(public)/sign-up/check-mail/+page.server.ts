import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ isMailLocal: !locals.app.config.smtpUrl });
