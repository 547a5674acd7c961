import type { Actions, PageServerLoad } from './$types';
import { loadProcedure, procedureActions } from '../../procedure-page.ts';

export const load: PageServerLoad = ({ locals, params, url }) => loadProcedure(locals, { kind: 'request', requestId: params.requestId }, url);

export const actions: Actions = procedureActions(({ params }) => ({ kind: 'request', requestId: params.requestId ?? '' }));
