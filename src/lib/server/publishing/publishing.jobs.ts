import type { JobHandler } from '../jobs/job-handler.ts';
import { publishDuePostsNow } from './posts.service.ts';

/**
 * Every minute: publishes the scheduled posts that are due. One UPDATE … WHERE status = 'scheduled'
 * AND publish_at <= now does it, so a repeated or concurrent run publishes nothing twice.
 */
export const publishDuePostsJob: JobHandler = {
  name: 'publishing.publish-due-posts',
  async run(database) {
    await publishDuePostsNow({ database });
  }
};
