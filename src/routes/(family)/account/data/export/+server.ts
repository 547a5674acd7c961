import type { RequestHandler } from './$types';
import { personActor } from '#lib/server/people/index.ts';
import { exportEverythingAbout } from '#lib/server/personal-data/index.ts';
import { today } from '#lib/server/platform/clock.ts';

/** The person's data as a JSON file download. */
export const GET: RequestHandler = async ({ locals }) => {
  const data = await exportEverythingAbout(locals.app, personActor(locals), locals.viewer?.session.id);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'content-disposition': `attachment; filename="hagukumi-my-data-${today()}.json"`,
      'cache-control': 'no-store'
    }
  });
};
