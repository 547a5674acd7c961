import type { PageServerLoad } from './$types';
import { checkInPage } from '../../../../bookings-console.ts';

export const load: PageServerLoad = checkInPage('org').load;
