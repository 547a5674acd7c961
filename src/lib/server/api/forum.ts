import { m } from '#lib/paraglide/messages.js';
import type { ApiLocale } from './api-locale.ts';
import type { Author, ThreadSummary, ThreadView } from '../forum/index.ts';

const AGE: Record<string, (i: Record<string, never>, o: { locale: ApiLocale }) => string> = {
  pregnancy: m.forum_age_pregnancy,
  age_0: m.forum_age_0,
  age_1: m.forum_age_1,
  age_2: m.forum_age_2,
  age_3: m.forum_age_3,
  age_4: m.forum_age_4,
  age_5: m.forum_age_5,
  school: m.forum_age_school,
  teen: m.forum_age_teen,
  parent: m.forum_age_parent
};
const PERSONA: Record<string, (i: Record<string, never>, o: { locale: ApiLocale }) => string> = {
  guardian: m.forum_persona_guardian,
  mama: m.forum_persona_mama,
  papa: m.forum_persona_papa
};

/** An author as the public API shows it: a pseudonym, or a verified badge; never an account. */
function apiAuthor(author: Author, locale: ApiLocale) {
  if (author.kind === 'professional') {
    return { kind: 'professional' as const, verified: true as const, label: author.label || (author.role === 'coordinator' ? m.forum_badge_coordinator({}, { locale }) : m.forum_badge_health_professional({}, { locale })) };
  }
  const p = author.pseudonym;
  const age = (AGE[p.ageKey] ?? m.forum_age_parent)({}, { locale });
  const persona = (PERSONA[p.persona] ?? m.forum_persona_guardian)({}, { locale });
  return { kind: 'guardian' as const, pseudonym: m.forum_pseudonym({ age, persona, letter: p.letter }, { locale }) };
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
