import type { App } from '../app.ts';

/** The demo family; filled in by the households domain. */
export async function seedDemoHouseholds(_app: App, _municipalityId: string, _userIds: Record<string, string>): Promise<void> {}
