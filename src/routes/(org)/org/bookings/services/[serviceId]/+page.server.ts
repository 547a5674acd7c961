import type { Actions, PageServerLoad } from './$types';
import { servicePage } from '../../../../../bookings-console.ts';

const page = servicePage('org');
export const load: PageServerLoad = page.load;
export const actions: Actions = page.actions;
