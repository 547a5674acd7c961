import { appError, forbidden, notFound } from '../platform/errors.ts';

/** The forum's errors; message keys live in messages/forum. */
export const forumErrors = {
  /** Anything the viewer may not see looks exactly like something that does not exist. */
  notFound,
  forbidden,
  invalidInput: (fields: Record<string, string>) => appError('forum.invalid_input', 400, 'forum_error_summary_title', fields),
  /** A watched word with the "block" action: the staff's own message is shown beside the text. */
  blocked: (message: string) => appError('forum.blocked_word', 422, 'forum_error_summary_title', { body: message || 'forum_error_blocked' }),
  suspended: appError('forum.suspended', 403, 'forum_error_suspended'),
  dailyLimit: appError('forum.daily_limit', 429, 'forum_error_daily_limit'),
  linksNotAllowed: appError('forum.links_not_allowed', 422, 'forum_error_summary_title', { body: 'forum_error_links_new_account' }),
  editWindowOver: appError('forum.edit_window_over', 409, 'forum_error_edit_window'),
  threadClosed: appError('forum.thread_not_public', 409, 'forum_error_thread_not_public'),
  ownPost: appError('forum.own_post', 409, 'forum_error_own_post'),
  alreadyRequested: appError('forum.consultation_exists', 409, 'forum_error_consultation_exists'),
  statusChange: appError('forum.status_change', 409, 'forum_error_status_change')
};
