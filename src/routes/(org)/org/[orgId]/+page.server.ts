import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ done: url.searchParams.get('done') });
