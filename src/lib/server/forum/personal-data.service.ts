import type { Db } from '../db/database.ts';
import { isoTimestamp, isoTimestampOrNull } from '../platform/timestamps.ts';
import { letterFor } from './pseudonym.ts';
import {
  listConsultationsOf,
  listFlagsBy,
  listFollowsOf,
  listForumNoticesOf,
  listPostsWrittenBy,
  listPseudonymsOf,
  listReactionsOf,
  listRevisionsOfPostsBy,
  listSuspensionsOf
} from './personal-data.queries.ts';

export interface ForumDataExport {
  /** Each thread the person wrote in, with the pseudonym they had there (the letter and its parts). */
  pseudonyms: { threadId: string; threadTitle: string; letter: string; ageKey: string; persona: string }[];
  posts: {
    id: string;
    threadId: string;
    threadTitle: string;
    isOpening: boolean;
    isPrivateReply: boolean;
    body: string;
    status: string;
    holdReason: string | null;
    hiddenReason: string | null;
    createdAt: string;
    editedAt: string | null;
    deletedAt: string | null;
    earlierVersions: { body: string; byModerator: boolean; replacedAt: string }[];
  }[];
  reactions: { postId: string; at: string }[];
  follows: { threadId: string; since: string }[];
  flags: { postId: string; reason: string; note: string; at: string; resolvedAt: string | null }[];
  notices: { kind: string; threadId: string | null; postId: string | null; reason: string; at: string; readAt: string | null }[];
  consultations: {
    id: string;
    threadId: string;
    contactMethod: string;
    contactDetail: string;
    preferredTime: string;
    consentText: string;
    consentedAt: string;
    status: string;
    createdAt: string;
    updatedAt: string;
  }[];
  suspensions: { until: string; reason: string; at: string }[];
}

/**
 * The forum part of a person's data export: what they wrote (with earlier versions), their pseudonyms,
 * reactions, follows, flags, notices, consultation requests and suspensions. Staff-only working notes on
 * a consultation belong to the ward's case record and are disclosed through a formal request (decision 0017).
 */
export async function exportForumDataOf(db: Db, person: { userId: string; municipalityId: string }): Promise<ForumDataExport> {
  const { userId, municipalityId } = person;
  const [posts, revisions, pseudonyms, reactions, follows, flags, notices, consultations, suspensions] = await Promise.all([
    listPostsWrittenBy(db, userId, municipalityId),
    listRevisionsOfPostsBy(db, userId, municipalityId),
    listPseudonymsOf(db, userId, municipalityId),
    listReactionsOf(db, userId, municipalityId),
    listFollowsOf(db, userId, municipalityId),
    listFlagsBy(db, userId, municipalityId),
    listForumNoticesOf(db, userId, municipalityId),
    listConsultationsOf(db, userId, municipalityId),
    listSuspensionsOf(db, userId, municipalityId)
  ]);
  return {
    pseudonyms: pseudonyms.map((p) => ({ threadId: p.thread_id, threadTitle: p.thread_title, letter: letterFor(p.position), ageKey: p.age_key, persona: p.persona })),
    posts: posts.map((p) => ({
      id: p.id,
      threadId: p.thread_id,
      threadTitle: p.thread_title,
      isOpening: p.is_opening,
      isPrivateReply: p.private_for_post_id !== null,
      body: p.body,
      status: p.status,
      holdReason: p.hold_reason,
      hiddenReason: p.hidden_reason,
      createdAt: isoTimestamp(p.created_at),
      editedAt: isoTimestampOrNull(p.edited_at),
      deletedAt: isoTimestampOrNull(p.deleted_at),
      earlierVersions: revisions.filter((r) => r.post_id === p.id).map((r) => ({ body: r.body, byModerator: r.by_moderator, replacedAt: isoTimestamp(r.replaced_at) }))
    })),
    reactions: reactions.map((r) => ({ postId: r.post_id, at: isoTimestamp(r.created_at) })),
    follows: follows.map((f) => ({ threadId: f.thread_id, since: isoTimestamp(f.created_at) })),
    flags: flags.map((f) => ({ postId: f.post_id, reason: f.reason, note: f.note, at: isoTimestamp(f.created_at), resolvedAt: isoTimestampOrNull(f.resolved_at) })),
    notices: notices.map((n) => ({ kind: n.kind, threadId: n.thread_id, postId: n.post_id, reason: n.reason, at: isoTimestamp(n.created_at), readAt: isoTimestampOrNull(n.read_at) })),
    consultations: consultations.map((c) => ({
      id: c.id,
      threadId: c.thread_id,
      contactMethod: c.contact_method,
      contactDetail: c.contact_detail,
      preferredTime: c.preferred_time,
      consentText: c.consent_text,
      consentedAt: isoTimestamp(c.consented_at),
      status: c.status,
      createdAt: isoTimestamp(c.created_at),
      updatedAt: isoTimestamp(c.updated_at)
    })),
    suspensions: suspensions.map((s) => ({ until: isoTimestamp(s.until), reason: s.reason, at: isoTimestamp(s.created_at) }))
  };
}
