import type { App } from '../app.ts';
import type { Db } from '../db/database.ts';
import { writeAudit } from '../platform/audit.queries.ts';
import { failure, ok, type Result } from '../platform/errors.ts';
import { authoriseProcedureStaff, type StaffCaller } from './procedure-access.ts';
import { FIELDS_MAX, type FormField } from './procedure-fields.ts';
import { tellPersonAboutProcedure } from './procedure-notices.ts';
import { procedureErrors } from './procedures.errors.ts';
import {
  deleteRuleLink,
  findForm,
  findFormVersion,
  findPersonByEmail,
  findRuleSubject,
  insertForm,
  insertFormVersion,
  insertRequest,
  listForms,
  listRuleLinks,
  lockForm,
  updateFormDraft,
  upsertRuleLink
} from './procedures.queries.ts';
import { fieldErrors, formMetaSchema, idSchema, newFieldId, parseFieldInput, sendSchema } from './procedures.schemas.ts';

export interface StaffFormSummary {
  id: string;
  title: string;
  publishedVersion: number | null;
  /** The working copy differs from the published version (or was never published). */
  hasChanges: boolean;
  fieldCount: number;
  ruleKeys: string[];
}

export interface StaffFormDetail {
  id: string;
  title: string;
  purpose: string;
  fields: FormField[];
  publishedVersion: number | null;
  hasChanges: boolean;
  ruleKeys: string[];
}

type FormRow = NonNullable<Awaited<ReturnType<typeof findForm>>>;

async function changedSincePublished(app: App, row: FormRow): Promise<boolean> {
  if (row.published_version === null) return true;
  const version = await findFormVersion(app.database.db, row.id, row.published_version);
  return !version || version.title !== row.title || version.purpose !== row.purpose || JSON.stringify(version.fields) !== JSON.stringify(row.fields);
}

/** Every procedure form of the municipality, for the staff list. */
export async function listFormsForStaff(app: App, caller: StaffCaller): Promise<Result<StaffFormSummary[]>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  const db = app.database.db;
  const [rows, links] = await Promise.all([listForms(db, caller.municipalityId), listRuleLinks(db, caller.municipalityId)]);
  const summaries: StaffFormSummary[] = [];
  for (const row of rows) {
    summaries.push({
      id: row.id,
      title: row.title,
      publishedVersion: row.published_version,
      hasChanges: await changedSincePublished(app, row),
      fieldCount: row.fields.length,
      ruleKeys: links.filter((l) => l.form_id === row.id).map((l) => l.rule_key)
    });
  }
  return ok(summaries);
}

async function loadForm(app: App, caller: StaffCaller, formId: string) {
  if (!idSchema.safeParse(formId).success) return undefined;
  return findForm(app.database.db, caller.municipalityId, formId);
}

/** One form's working copy, for the builder. */
export async function getFormForStaff(app: App, caller: StaffCaller, formId: string): Promise<Result<StaffFormDetail>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  const row = await loadForm(app, caller, formId);
  if (!row) return failure(procedureErrors.notFound);
  const links = await listRuleLinks(app.database.db, caller.municipalityId);
  return ok({
    id: row.id,
    title: row.title,
    purpose: row.purpose,
    fields: row.fields,
    publishedVersion: row.published_version,
    hasChanges: await changedSincePublished(app, row),
    ruleKeys: links.filter((l) => l.form_id === row.id).map((l) => l.rule_key)
  });
}

/** Starts a new form (title and purpose of use); fields are added one by one. */
export async function createForm(app: App, caller: StaffCaller, input: Record<string, unknown>): Promise<Result<{ id: string }>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  const parsed = formMetaSchema.safeParse(input);
  if (!parsed.success) return failure(procedureErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const id = await app.database.db.transaction().execute(async (trx) => {
    const { id } = await insertForm(trx, caller.municipalityId, { ...parsed.data, fields: [], createdBy: caller.userId });
    await writeAudit(trx, caller, { action: 'create', recordType: 'procedure_form', recordId: id });
    return id;
  });
  return ok({ id });
}

/** Runs a staff change on one form under a row lock, so two editors never lose each other's field. */
async function withLockedForm<T>(app: App, caller: StaffCaller, formId: string, run: (trx: Db, row: FormRow) => Promise<Result<T>>): Promise<Result<T>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  if (!idSchema.safeParse(formId).success) return failure(procedureErrors.notFound);
  return app.database.db.transaction().execute(async (trx) => {
    const row = await lockForm(trx, caller.municipalityId, formId);
    return row ? run(trx, row) : failure(procedureErrors.notFound);
  });
}

/** Applies one change to a form's working copy. */
async function changeForm(app: App, caller: StaffCaller, formId: string, change: (row: FormRow) => Result<{ title?: string; purpose?: string; fields?: FormField[] }>): Promise<Result<{ id: string }>> {
  return withLockedForm(app, caller, formId, async (trx, row) => {
    const result = change(row);
    if (!result.ok) return result;
    await updateFormDraft(trx, caller.municipalityId, formId, result.value);
    await writeAudit(trx, caller, { action: 'update', recordType: 'procedure_form', recordId: formId });
    return ok({ id: formId });
  });
}

/** Changes the title and purpose of use of the working copy. */
export async function updateFormMeta(app: App, caller: StaffCaller, formId: string, input: Record<string, unknown>) {
  return changeForm(app, caller, formId, () => {
    const parsed = formMetaSchema.safeParse(input);
    return parsed.success ? ok(parsed.data) : failure(procedureErrors.invalidInput(fieldErrors(parsed.error.issues)));
  });
}

/** Adds a field at the end; a field asking for a マイナンバー is refused. */
export async function addField(app: App, caller: StaffCaller, formId: string, input: Record<string, unknown>) {
  return changeForm(app, caller, formId, (row) => {
    if (row.fields.length >= FIELDS_MAX) return failure(procedureErrors.invalidInput({ label: 'procedures_error_too_many_fields' }));
    const parsed = parseFieldInput(input, row.fields, newFieldId());
    return parsed.ok ? ok({ fields: [...row.fields, parsed.value] }) : failure(procedureErrors.invalidInput(parsed.errors));
  });
}

/** Changes one field; its id (the answers' key) stays. */
export async function updateField(app: App, caller: StaffCaller, formId: string, fieldId: string, input: Record<string, unknown>) {
  return changeForm(app, caller, formId, (row) => {
    const index = row.fields.findIndex((f) => f.id === fieldId);
    if (index < 0) return failure(procedureErrors.notFound);
    const parsed = parseFieldInput(input, row.fields.slice(0, index), fieldId);
    if (!parsed.ok) return failure(procedureErrors.invalidInput(parsed.errors));
    const fields = [...row.fields];
    fields[index] = parsed.value;
    return ok({ fields: dropBrokenConditions(fields) });
  });
}

/** A condition must name an earlier field and one of its answers; after a move, change or removal, broken ones are dropped. */
function dropBrokenConditions(fields: FormField[]): FormField[] {
  return fields.map((field, index) => {
    if (!field.showIf) return field;
    const controller = fields.slice(0, index).find((f) => f.id === field.showIf!.fieldId);
    const valid = controller && (controller.options.length ? controller.options.includes(field.showIf.value) : controller.type === 'yes_no' ? ['yes', 'no'].includes(field.showIf.value) : true);
    return valid ? field : { ...field, showIf: null };
  });
}

/** Moves a field one place up or down. */
export async function moveField(app: App, caller: StaffCaller, formId: string, fieldId: string, direction: string) {
  return changeForm(app, caller, formId, (row) => {
    const index = row.fields.findIndex((f) => f.id === fieldId);
    if (index < 0) return failure(procedureErrors.notFound);
    const to = direction === 'up' ? index - 1 : direction === 'down' ? index + 1 : -1;
    if (to < 0 || to >= row.fields.length) return ok({});
    const fields = [...row.fields];
    [fields[index], fields[to]] = [fields[to]!, fields[index]!];
    return ok({ fields: dropBrokenConditions(fields) });
  });
}

/** Removes a field from the working copy (published versions and their answers keep it). */
export async function removeField(app: App, caller: StaffCaller, formId: string, fieldId: string) {
  return changeForm(app, caller, formId, (row) => {
    if (!row.fields.some((f) => f.id === fieldId)) return failure(procedureErrors.notFound);
    return ok({ fields: dropBrokenConditions(row.fields.filter((f) => f.id !== fieldId)) });
  });
}

/**
 * Publishes the working copy as the next version. What guardians already saved or sent keeps the version
 * they answered; new drafts start on this one.
 */
export async function publishForm(app: App, caller: StaffCaller, formId: string): Promise<Result<{ version: number }>> {
  return withLockedForm(app, caller, formId, async (trx, row) => {
    if (!row.fields.length) return failure(procedureErrors.noFields);
    const version = (row.published_version ?? 0) + 1;
    await insertFormVersion(trx, formId, { version, title: row.title, purpose: row.purpose, fields: row.fields, publishedBy: caller.userId });
    await writeAudit(trx, caller, { action: 'publish', recordType: 'procedure_form', recordId: formId });
    return ok({ version });
  });
}

export interface RuleProcedureChoice {
  current: string | null;
  forms: { id: string; title: string; published: boolean }[];
}

/** The procedure a guidance rule offers now and the forms staff can choose from (the rule page's select). */
export async function getRuleProcedureChoice(app: App, caller: StaffCaller, ruleKey: string): Promise<Result<RuleProcedureChoice>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  const db = app.database.db;
  const [forms, links] = await Promise.all([listForms(db, caller.municipalityId), listRuleLinks(db, caller.municipalityId)]);
  return ok({
    current: links.find((l) => l.rule_key === ruleKey)?.form_id ?? null,
    forms: forms.map((f) => ({ id: f.id, title: f.title, published: f.published_version !== null }))
  });
}

/** Attaches a published procedure to a guidance rule (its timeline items then offer 「手続きをする」), or detaches it with ''. */
export async function setRuleProcedure(app: App, caller: StaffCaller, ruleKey: string, formId: string): Promise<Result<{ formId: string | null }>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  const db = app.database.db;
  if (!(await findRuleSubject(db, caller.municipalityId, ruleKey))) return failure(procedureErrors.notFound);
  if (formId === '') {
    await db.transaction().execute(async (trx) => {
      await deleteRuleLink(trx, caller.municipalityId, ruleKey);
      await writeAudit(trx, caller, { action: 'unlink', recordType: 'procedure_rule_link', recordId: null });
    });
    return ok({ formId: null });
  }
  const form = await loadForm(app, caller, formId);
  if (!form) return failure(procedureErrors.invalidInput({ procedureId: 'procedures_error_form_unknown' }));
  if (form.published_version === null) return failure(procedureErrors.invalidInput({ procedureId: 'procedures_error_not_published' }));
  await db.transaction().execute(async (trx) => {
    await upsertRuleLink(trx, caller.municipalityId, ruleKey, formId, caller.userId);
    await writeAudit(trx, caller, { action: 'link', recordType: 'procedure_rule_link', recordId: formId });
  });
  return ok({ formId });
}

/**
 * Sends a published procedure directly to a person (by the address of their account) and so to their
 * household: it appears on their timeline and procedures list, and they are told.
 */
export async function sendProcedure(app: App, caller: StaffCaller, formId: string, input: Record<string, unknown>): Promise<Result<{ requestId: string }>> {
  const denied = authoriseProcedureStaff(caller);
  if (denied) return failure(denied);
  const form = await loadForm(app, caller, formId);
  if (!form) return failure(procedureErrors.notFound);
  if (form.published_version === null) return failure(procedureErrors.notPublished);
  const parsed = sendSchema.safeParse(input);
  if (!parsed.success) return failure(procedureErrors.invalidInput(fieldErrors(parsed.error.issues)));
  const db = app.database.db;
  const person = await findPersonByEmail(db, caller.municipalityId, parsed.data.email);
  if (!person) return failure(procedureErrors.invalidInput({ email: 'procedures_error_person_unknown' }));
  const requestId = await db.transaction().execute(async (trx) => {
    const { id } = await insertRequest(trx, {
      municipalityId: caller.municipalityId,
      formId,
      householdId: person.household_id,
      userId: person.user_id,
      message: parsed.data.message || null,
      sentBy: caller.userId
    });
    await writeAudit(trx, caller, { action: 'send', recordType: 'procedure_request', recordId: id });
    return id;
  });
  const version = await findFormVersion(db, formId, form.published_version);
  await tellPersonAboutProcedure(app, { kind: 'requested', userId: person.user_id, municipalityId: caller.municipalityId, title: version?.title ?? form.title, path: `/procedures/requests/${requestId}` });
  return ok({ requestId });
}
