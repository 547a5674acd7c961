import type { App } from '../app.ts';
import { now } from '../platform/clock.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { getPublicOrganization, type OrgActor } from '../organizations/index.ts';
import { pubErrors } from './publishing.errors.ts';
import { authoriseEditor, authoriseMember } from './publishing-access.ts';
import { tellPublishingNotice } from './publishing-notices.ts';
import {
  deleteBlock,
  findThread,
  insertBlock,
  insertMessage,
  insertThread,
  isBlocked,
  listBlocks,
  listMessages,
  listThreadsOfOrganization,
  listThreadsOfResident,
  setThreadClosed,
  type ThreadRow
} from './publishing.queries.ts';
import { fieldErrors, inquirySchema, messageSchema, uuidSchema } from './publishing.schemas.ts';

type Link = (path: string) => string;
type Side = 'resident' | 'organization';

export interface ThreadSummary {
  id: string;
  organizationId: string;
  organizationName: string;
  residentName: string;
  subject: string;
  eventId: string | null;
  status: 'open' | 'closed';
  closedBySide: Side | null;
  lastMessageAt: Date;
}

export interface ThreadView extends ThreadSummary {
  messages: { id: string; side: Side; body: string; at: Date }[];
  /** The resident blocked this organization: it can no longer write to them. */
  isBlocked: boolean;
}

function summary(row: ThreadRow): ThreadSummary {
  return {
    id: row.id,
    organizationId: row.organization_id,
    organizationName: row.organization_name,
    residentName: row.resident_name,
    subject: row.subject,
    eventId: row.event_id,
    status: row.status as 'open' | 'closed',
    closedBySide: row.closed_by_side as Side | null,
    lastMessageAt: row.last_message_at
  };
}

async function threadView(app: App, row: ThreadRow): Promise<ThreadView> {
  const db = app.database.db;
  const messages = await listMessages(db, row.id);
  return {
    ...summary(row),
    messages: messages.map((m) => ({ id: m.id, side: m.author_side as Side, body: m.body, at: m.created_at })),
    isBlocked: await isBlocked(db, row.resident_user_id, row.organization_id)
  };
}

const residentLink = (threadId: string) => `/family/inquiries/${threadId}`;
const organizationLink = (organizationId: string, threadId: string) => `/org/${organizationId}/inquiries/${threadId}`;

/**
 * A resident asks a public organization a question (or applies by message), from its page or from an
 * event (`eventId`, the events domain's id). The organization's owners and editors are told.
 */
export async function sendInquiry(app: App, actor: OrgActor, organizationId: string, input: Record<string, unknown>, link: Link): Promise<Result<{ id: string }>> {
  const organization = await getPublicOrganization(app, actor.municipalityId, organizationId);
  if (!organization.ok) return failure(pubErrors.notFound);
  const parsed = inquirySchema.safeParse({
    subject: typeof input.subject === 'string' ? input.subject : '',
    body: typeof input.body === 'string' ? input.body : '',
    eventId: typeof input.eventId === 'string' ? input.eventId : undefined
  });
  if (!parsed.success) return failure(pubErrors.invalidInput(fieldErrors(parsed.error)));
  const at = now();
  const id = await app.database.db.transaction().execute(async (trx) => {
    const thread = await insertThread(trx, {
      municipality_id: actor.municipalityId,
      organization_id: organizationId,
      resident_user_id: actor.userId,
      subject: parsed.data.subject,
      event_id: parsed.data.eventId,
      created_at: at,
      last_message_at: at
    });
    await insertMessage(trx, { thread_id: thread.id, author_side: 'resident', author_user_id: actor.userId, body: parsed.data.body, created_at: at });
    return thread.id;
  });
  await tellPublishingNotice(
    app,
    { organizationId },
    { kind: 'inquiry_received', organizationName: organization.value.name, subject: parsed.data.subject, link: link(organizationLink(organizationId, id)) }
  );
  return ok({ id });
}

/** The resident's own threads, newest activity first. */
export async function listMyInquiries(app: App, actor: OrgActor): Promise<ThreadSummary[]> {
  return (await listThreadsOfResident(app.database.db, actor.municipalityId, actor.userId)).map(summary);
}

async function residentThread(app: App, actor: OrgActor, threadId: string, lock = false, db = app.database.db): Promise<ThreadRow | undefined> {
  if (!uuidSchema.safeParse(threadId).success) return undefined;
  const row = await findThread(db, actor.municipalityId, threadId, lock);
  return row && row.resident_user_id === actor.userId ? row : undefined;
}

async function organizationThread(app: App, actor: OrgActor, organizationId: string, threadId: string, lock = false, db = app.database.db): Promise<ThreadRow | undefined> {
  if (!uuidSchema.safeParse(threadId).success) return undefined;
  const row = await findThread(db, actor.municipalityId, threadId, lock);
  return row && row.organization_id === organizationId ? row : undefined;
}

export async function getMyInquiry(app: App, actor: OrgActor, threadId: string): Promise<Result<ThreadView>> {
  const row = await residentThread(app, actor, threadId);
  return row ? ok(await threadView(app, row)) : failure(pubErrors.notFound);
}

/** The organization's threads; any member may read them. */
export async function listOrganizationInquiries(app: App, actor: OrgActor, organizationId: string): Promise<Result<ThreadSummary[]>> {
  const context = await authoriseMember(app, actor, organizationId);
  if (!context.ok) return context;
  return ok((await listThreadsOfOrganization(app.database.db, organizationId)).map(summary));
}

export async function getOrganizationInquiry(app: App, actor: OrgActor, organizationId: string, threadId: string): Promise<Result<ThreadView>> {
  const context = await authoriseMember(app, actor, organizationId);
  if (!context.ok) return context;
  const row = await organizationThread(app, actor, organizationId, threadId);
  return row ? ok(await threadView(app, row)) : failure(pubErrors.notFound);
}

async function addMessage(app: App, actor: OrgActor, row: ThreadRow, side: Side, input: Record<string, unknown>): Promise<Result<string>> {
  const parsed = messageSchema.safeParse({ body: typeof input.body === 'string' ? input.body : '' });
  if (!parsed.success) return failure(pubErrors.invalidInput(fieldErrors(parsed.error)));
  return app.database.db.transaction().execute(async (trx) => {
    const locked = await findThread(trx, actor.municipalityId, row.id, true);
    if (!locked || locked.status !== 'open') return failure<string>(pubErrors.threadClosed);
    if (side === 'organization' && (await isBlocked(trx, locked.resident_user_id, locked.organization_id))) return failure<string>(pubErrors.blockedByResident);
    await insertMessage(trx, { thread_id: row.id, author_side: side, author_user_id: actor.userId, body: parsed.data.body, created_at: now() });
    return ok(parsed.data.body);
  });
}

/** The organization answers (owners and editors); refused once the resident has blocked it. */
export async function replyAsOrganization(app: App, actor: OrgActor, organizationId: string, threadId: string, input: Record<string, unknown>, link: Link): Promise<Result<void>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  const row = await organizationThread(app, actor, organizationId, threadId);
  if (!row) return failure(pubErrors.notFound);
  const added = await addMessage(app, actor, row, 'organization', input);
  if (!added.ok) return added;
  await tellPublishingNotice(app, { userId: row.resident_user_id }, { kind: 'inquiry_replied', organizationName: row.organization_name, subject: row.subject, link: link(residentLink(row.id)) });
  return ok(undefined);
}

/** The resident writes again in their own thread. */
export async function replyAsResident(app: App, actor: OrgActor, threadId: string, input: Record<string, unknown>, link: Link): Promise<Result<void>> {
  const row = await residentThread(app, actor, threadId);
  if (!row) return failure(pubErrors.notFound);
  const added = await addMessage(app, actor, row, 'resident', input);
  if (!added.ok) return added;
  await tellPublishingNotice(app, { organizationId: row.organization_id }, { kind: 'inquiry_resident_replied', subject: row.subject, link: link(organizationLink(row.organization_id, row.id)) });
  return ok(undefined);
}

async function close(app: App, actor: OrgActor, row: ThreadRow, side: Side): Promise<Result<void>> {
  return app.database.db.transaction().execute(async (trx) => {
    const locked = await findThread(trx, actor.municipalityId, row.id, true);
    if (!locked || locked.status !== 'open') return failure<void>(pubErrors.threadClosed);
    await setThreadClosed(trx, row.id, side, now());
    return ok(undefined);
  });
}

export async function closeInquiryAsResident(app: App, actor: OrgActor, threadId: string, link: Link): Promise<Result<void>> {
  const row = await residentThread(app, actor, threadId);
  if (!row) return failure(pubErrors.notFound);
  const closed = await close(app, actor, row, 'resident');
  if (!closed.ok) return closed;
  await tellPublishingNotice(app, { organizationId: row.organization_id }, { kind: 'inquiry_closed', subject: row.subject, closedBy: 'resident', link: link(organizationLink(row.organization_id, row.id)) });
  return ok(undefined);
}

export async function closeInquiryAsOrganization(app: App, actor: OrgActor, organizationId: string, threadId: string, link: Link): Promise<Result<void>> {
  const context = await authoriseEditor(app, actor, organizationId);
  if (!context.ok) return context;
  const row = await organizationThread(app, actor, organizationId, threadId);
  if (!row) return failure(pubErrors.notFound);
  const closed = await close(app, actor, row, 'organization');
  if (!closed.ok) return closed;
  // A resident who blocked the organization hears nothing more from it.
  if (!(await isBlocked(app.database.db, row.resident_user_id, organizationId))) {
    await tellPublishingNotice(app, { userId: row.resident_user_id }, { kind: 'inquiry_closed', subject: row.subject, closedBy: 'organization', link: link(residentLink(row.id)) });
  }
  return ok(undefined);
}

/** The resident stops an organization from writing to them (replies, decisions' messages). */
export async function blockOrganization(app: App, actor: OrgActor, organizationId: string): Promise<Result<void>> {
  const known = await getPublicOrganization(app, actor.municipalityId, organizationId);
  const ownThreads = await listThreadsOfResident(app.database.db, actor.municipalityId, actor.userId);
  // A resident may block an organization they have written to even after it is no longer public.
  if (!known.ok && !ownThreads.some((t) => t.organization_id === organizationId)) return failure(pubErrors.notFound);
  await insertBlock(app.database.db, { resident_user_id: actor.userId, organization_id: organizationId, municipality_id: actor.municipalityId });
  return ok(undefined);
}

export async function unblockOrganization(app: App, actor: OrgActor, organizationId: string): Promise<Result<void>> {
  await deleteBlock(app.database.db, actor.userId, organizationId);
  return ok(undefined);
}

export async function listBlockedOrganizations(app: App, actor: OrgActor): Promise<{ organizationId: string; name: string; since: Date }[]> {
  return (await listBlocks(app.database.db, actor.municipalityId, actor.userId)).map((r) => ({ organizationId: r.organization_id, name: r.name, since: r.created_at }));
}
