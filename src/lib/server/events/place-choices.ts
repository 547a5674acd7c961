import type { App } from '../app.ts';
import { listPlaceChoices } from './events.queries.ts';

/** The directory's published places, for the event form's place select. */
export async function listPlaceChoicesForEvents(app: App, municipalityId: string): Promise<{ id: string; name: string; address: string }[]> {
  return listPlaceChoices(app.database.db, municipalityId);
}
