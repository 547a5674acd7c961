import { m } from '#lib/paraglide/messages.js';
import { pseudonymLabel } from '#lib/ui/forum/forum-format.ts';
import type { ApiLocale } from './api-locale.ts';
import type { Author, ThreadSummary, ThreadView } from '../forum/index.ts';

/** An author as the public API shows it: a pseudonym, or a verified badge; never an account. */
function apiAuthor(author: Author, locale: ApiLocale) {
  if (author.kind === 'professional') {
    return { kind: 'professional' as const, verified: true as const, label: author.label || (author.role === 'coordinator' ? m.forum_badge_coordinator({}, { locale }) : m.forum_badge_health_professional({}, { locale })) };
  }
  return { kind: 'guardian' as const, pseudonym: pseudonymLabel(author.pseudonym, locale) };
}

export function apiThreadSummary(thread: ThreadSummary, locale: ApiLocale) {
  return {
    id: thread.id,
    title: thread.title,
    ageTopic: thread.ageTopic,
    themeTopic: thread.themeTopic,
    author: apiAuthor(thread.author, locale),
    replies: thread.replies,
    hasProfessionalAnswer: thread.hasProfessionalAnswer,
    createdAt: thread.createdAt.toISOString(),
    lastPostAt: thread.lastPostAt.toISOString()
  };
}

/** A public thread: only public posts; hidden and deleted ones keep their place without text. */
export function apiThread(thread: ThreadView, locale: ApiLocale) {
  return {
    id: thread.id,
    title: thread.title,
    ageTopic: thread.ageTopic,
    themeTopic: thread.themeTopic,
    createdAt: thread.createdAt.toISOString(),
    posts: thread.posts
      .filter((p) => p.status === 'public' || p.status === 'hidden' || p.status === 'deleted')
      .map((p) => ({
        id: p.id,
        author: apiAuthor(p.author, locale),
        body: p.status === 'public' ? p.body : null,
        state: p.status as 'public' | 'hidden' | 'deleted',
        edited: p.edited,
        moderatorNote: p.status === 'public' ? p.moderatorNote : null,
        wakaru: p.wakaru,
        createdAt: p.createdAt.toISOString()
      }))
  };
}
