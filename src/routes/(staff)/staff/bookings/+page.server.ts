import type { Actions, PageServerLoad } from './$types';
import { homePage } from '../../../bookings-console.ts';

const page = homePage('staff');
export const load: PageServerLoad = page.load;
export const actions: Actions = page.actions;
