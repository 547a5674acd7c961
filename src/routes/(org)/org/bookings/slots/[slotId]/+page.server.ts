import type { Actions, PageServerLoad } from './$types';
import { rosterPage } from '../../../../../bookings-console.ts';

const page = rosterPage('org');
export const load: PageServerLoad = page.load;
export const actions: Actions = page.actions;
