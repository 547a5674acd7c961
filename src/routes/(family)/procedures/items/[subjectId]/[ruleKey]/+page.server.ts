import type { Actions, PageServerLoad } from './$types';
import { loadProcedure, procedureActions } from '../../../procedure-page.ts';

export const load: PageServerLoad = ({ locals, params, url }) => loadProcedure(locals, { kind: 'item', subjectId: params.subjectId, ruleKey: params.ruleKey }, url);

export const actions: Actions = procedureActions(({ params }) => ({ kind: 'item', subjectId: params.subjectId ?? '', ruleKey: params.ruleKey ?? '' }));
