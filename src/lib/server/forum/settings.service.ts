import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { canManageForum, type ForumActor } from './forum-access.ts';
import { forumErrors } from './forum.errors.ts';
import {
  deleteContact,
  deleteRiskTerm,
  deleteWatchedWord,
  findSettings,
  insertContacts,
  insertRiskTerms,
  insertSettingsIfMissing,
  insertTopics,
  insertWatchedWords,
  listContacts,
  listRiskTerms,
  listTopics,
  listWatchedWords,
  updateContact,
  updateSettings
} from './forum.queries.ts';
import { contactSchema, fieldErrors, idSchema, riskTermSchema, settingsSchema, watchedWordSchema } from './forum.schemas.ts';
import { DEFAULT_CONTACTS, DEFAULT_RISK_TERMS, DEFAULT_TOPICS, DEFAULT_WATCHED_WORDS } from './risk/defaults.ts';
import type { RiskTerm, WatchedWord } from './risk/screen.ts';

type FormInput = Record<string, unknown>;

export interface ForumSettings {
  newAccountDays: number;
  newAccountPublicPosts: number;
  newAccountDailyPosts: number;
  editWindowMinutes: number;
  flagHideThreshold: number;
}

/**
 * A municipality's forum starts with the default topics, word lists and contacts, seeded once (the
 * settings row is the marker, inserted in the same transaction) the first time anything asks.
 */
export async function ensureForumDefaults(db: Db, municipalityId: string): Promise<void> {
  if (await findSettings(db, municipalityId)) return;
  await db.transaction().execute(async (trx) => {
    if (!(await insertSettingsIfMissing(trx, municipalityId))) return;
    await insertTopics(trx, municipalityId, DEFAULT_TOPICS);
    await insertRiskTerms(trx, municipalityId, DEFAULT_RISK_TERMS, null);
    await insertWatchedWords(trx, municipalityId, DEFAULT_WATCHED_WORDS, null);
    await insertContacts(trx, municipalityId, DEFAULT_CONTACTS);
  });
}

export async function loadSettings(db: Db, municipalityId: string): Promise<ForumSettings> {
  await ensureForumDefaults(db, municipalityId);
  const row = await findSettings(db, municipalityId);
  if (!row) throw new Error('forum settings missing right after they were ensured');
  return {
    newAccountDays: row.new_account_days,
    newAccountPublicPosts: row.new_account_public_posts,
    newAccountDailyPosts: row.new_account_daily_posts,
    editWindowMinutes: row.edit_window_minutes,
    flagHideThreshold: row.flag_hide_threshold
  };
}

export async function loadScreeningLists(db: Db, municipalityId: string): Promise<{ terms: RiskTerm[]; words: WatchedWord[] }> {
  await ensureForumDefaults(db, municipalityId);
  const [terms, words] = await Promise.all([listRiskTerms(db, municipalityId), listWatchedWords(db, municipalityId)]);
  return {
    terms: terms.map((t) => ({ category: t.category, level: t.level, pattern: t.pattern, isRegex: t.is_regex })),
    words: words.map((w) => ({ pattern: w.pattern, isRegex: w.is_regex, action: w.action, replacement: w.replacement, message: w.message }))
  };
}

export interface TopicView {
  code: string;
  kind: 'age' | 'theme';
  name: string;
  nameEn: string;
  nameEasy: string;
}

/** The forum's topics (by child age and by theme), in their order. */
export async function listForumTopics(app: App, municipalityId: string): Promise<TopicView[]> {
  await ensureForumDefaults(app.database.db, municipalityId);
  const rows = await listTopics(app.database.db, municipalityId);
  return rows.map((t) => ({ code: t.code, kind: t.kind, name: t.name, nameEn: t.name_en, nameEasy: t.name_easy }));
}

export interface ContactView {
  id: string;
  categories: string[];
  name: string;
  phone: string;
  hours: string;
  description: string;
}

/** The support contacts, each with the risks it fits (editable by the ward). */
export async function listForumContacts(app: App, municipalityId: string): Promise<ContactView[]> {
  await ensureForumDefaults(app.database.db, municipalityId);
  const rows = await listContacts(app.database.db, municipalityId);
  return rows.map((c) => ({ id: c.id, categories: c.categories, name: c.name, phone: c.phone, hours: c.hours, description: c.description }));
}

function authorise(actor: ForumActor) {
  return canManageForum(actor) ? undefined : forumErrors.forbidden;
}

export interface ForumAdminView {
  settings: ForumSettings;
  riskTerms: { id: string; category: string; level: string; pattern: string; isRegex: boolean; language: string }[];
  watchedWords: { id: string; pattern: string; isRegex: boolean; action: string; replacement: string; message: string }[];
  contacts: ContactView[];
}

/** Everything the ward's forum settings pages show. */
export async function getForumAdmin(app: App, actor: ForumActor): Promise<Result<ForumAdminView>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  const db = app.database.db;
  const settings = await loadSettings(db, actor.municipalityId);
  const [terms, words, contacts] = await Promise.all([listRiskTerms(db, actor.municipalityId), listWatchedWords(db, actor.municipalityId), listForumContacts(app, actor.municipalityId)]);
  return ok({
    settings,
    riskTerms: terms.map((t) => ({ id: t.id, category: t.category, level: t.level, pattern: t.pattern, isRegex: t.is_regex, language: t.language })),
    watchedWords: words.map((w) => ({ id: w.id, pattern: w.pattern, isRegex: w.is_regex, action: w.action, replacement: w.replacement, message: w.message })),
    contacts
  });
}

/** Changes the new-account limits, the edit window and the flag threshold. */
export async function changeForumSettings(app: App, actor: ForumActor, input: FormInput): Promise<Result<ForumSettings>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  const parsed = settingsSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const db = app.database.db;
  await ensureForumDefaults(db, actor.municipalityId);
  await db.transaction().execute(async (trx) => {
    await updateSettings(trx, actor.municipalityId, parsed.data, actor.userId);
    await writeAudit(trx, actor, { action: 'update', recordType: 'forum_settings', recordId: actor.municipalityId });
  });
  return ok(parsed.data);
}

/** Adds a risk term (or an innocent phrase to mask); it screens the next post at once. */
export async function addRiskTerm(app: App, actor: ForumActor, input: FormInput): Promise<Result<{ added: boolean }>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  const parsed = riskTermSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const db = app.database.db;
  await ensureForumDefaults(db, actor.municipalityId);
  const added = await db.transaction().execute(async (trx) => {
    const n = await insertRiskTerms(trx, actor.municipalityId, [parsed.data], actor.userId);
    if (n) await writeAudit(trx, actor, { action: 'create', recordType: 'forum_risk_term' });
    return n > 0;
  });
  return ok({ added });
}

export async function removeRiskTerm(app: App, actor: ForumActor, id: string): Promise<Result<{ id: string }>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(id).success) return failure(forumErrors.notFound);
  const removed = await app.database.db.transaction().execute(async (trx) => {
    const n = await deleteRiskTerm(trx, actor.municipalityId, id);
    if (n) await writeAudit(trx, actor, { action: 'delete', recordType: 'forum_risk_term', recordId: id });
    return n;
  });
  return removed ? ok({ id }) : failure(forumErrors.notFound);
}

export async function addWatchedWord(app: App, actor: ForumActor, input: FormInput): Promise<Result<{ added: boolean }>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  const parsed = watchedWordSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const db = app.database.db;
  await ensureForumDefaults(db, actor.municipalityId);
  const added = await db.transaction().execute(async (trx) => {
    const n = await insertWatchedWords(trx, actor.municipalityId, [parsed.data], actor.userId);
    if (n) await writeAudit(trx, actor, { action: 'create', recordType: 'forum_watched_word' });
    return n > 0;
  });
  return ok({ added });
}

export async function removeWatchedWord(app: App, actor: ForumActor, id: string): Promise<Result<{ id: string }>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(id).success) return failure(forumErrors.notFound);
  const removed = await app.database.db.transaction().execute(async (trx) => {
    const n = await deleteWatchedWord(trx, actor.municipalityId, id);
    if (n) await writeAudit(trx, actor, { action: 'delete', recordType: 'forum_watched_word', recordId: id });
    return n;
  });
  return removed ? ok({ id }) : failure(forumErrors.notFound);
}

/** Adds a contact, or changes one when `id` is given. */
export async function saveContact(app: App, actor: ForumActor, input: FormInput, id?: string): Promise<Result<{ id?: string }>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  const parsed = contactSchema.safeParse(input);
  if (!parsed.success) return failure(forumErrors.invalidInput(fieldErrors(parsed.error.issues)));
  if (id !== undefined && !idSchema.safeParse(id).success) return failure(forumErrors.notFound);
  const db = app.database.db;
  await ensureForumDefaults(db, actor.municipalityId);
  const done = await db.transaction().execute(async (trx) => {
    if (id) {
      const n = await updateContact(trx, actor.municipalityId, id, parsed.data);
      if (n) await writeAudit(trx, actor, { action: 'update', recordType: 'forum_contact', recordId: id });
      return n > 0;
    }
    const existing = await listContacts(trx, actor.municipalityId);
    await insertContacts(trx, actor.municipalityId, [parsed.data], existing.length + 1);
    await writeAudit(trx, actor, { action: 'create', recordType: 'forum_contact' });
    return true;
  });
  return done ? ok({ id }) : failure(forumErrors.notFound);
}

export async function removeContact(app: App, actor: ForumActor, id: string): Promise<Result<{ id: string }>> {
  const denied = authorise(actor);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(id).success) return failure(forumErrors.notFound);
  const removed = await app.database.db.transaction().execute(async (trx) => {
    const n = await deleteContact(trx, actor.municipalityId, id);
    if (n) await writeAudit(trx, actor, { action: 'delete', recordType: 'forum_contact', recordId: id });
    return n;
  });
  return removed ? ok({ id }) : failure(forumErrors.notFound);
}
