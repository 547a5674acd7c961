import type { PersonActor } from '../households/index.ts';

/** The signed-in person behind a request, as services take it. Only for routes of signed-in audiences. */
export function personActor(locals: App.Locals): PersonActor {
  if (!locals.viewer) throw new Error('personActor needs a signed-in viewer (the route group guarantees one)');
  return {
    userId: locals.viewer.user.id,
    municipalityId: locals.municipality.id,
    requestId: locals.requestId,
    address: locals.address
  };
}
