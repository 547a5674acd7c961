import type { DatabaseHandle } from '../db/connection.ts';

export interface JobHandler {
  /** domain.verb-noun */
  name: string;
  /** At-least-once: must be idempotent. */
  run(database: DatabaseHandle, data: unknown): Promise<void>;
}
