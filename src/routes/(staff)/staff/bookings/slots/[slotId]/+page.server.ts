import type { Actions, PageServerLoad } from './$types';
import { rosterPage } from '../../../../../bookings-console.ts';

const page = rosterPage('staff');
export const load: PageServerLoad = page.load;
export const actions: Actions = page.actions;
