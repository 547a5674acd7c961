import type { App } from '../app.ts';
import { seedEventsDemo } from '../events/index.ts';

/** The demo ward's events (after its organizations, places and bookings). */
export async function seedDemoEvents(app: App, municipalityId: string, userIds: Record<string, string>): Promise<void> {
  await seedEventsDemo(app, municipalityId, { npoOwner: userIds.org, wardPublisher: userIds.wardPublisher, guardian: userIds.otherGuardian });
}
