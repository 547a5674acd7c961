import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
  const viewer = locals.viewer;
  if (!viewer) error(401);
  return { name: viewer.user.name, email: viewer.user.email, isTwoFactorOn: viewer.user.twoFactorEnabled };
};
