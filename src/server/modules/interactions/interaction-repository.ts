import type { InteractionTemplate, InteractionTemplateSetup } from '../../../domain/interaction/interaction-template-setup';
import type { Queryable } from '../../db/db';
import { fromRow, toSnakeCase } from '../../db/rows';

export type InteractionEntry = {
  entryNo: number;
  id: string;
  contactNo: string;
  contactCompanyNo: string;
  date: string;
  timeOfInteraction: string;
  description: string;
  subject: string;
  informationFlow: '' | 'outbound' | 'inbound';
  initiatedBy: '' | 'us' | 'them';
  interactionGroupCode: string;
  interactionTemplateCode: string;
  interactionLanguageCode: string;
  costLcy: number;
  durationMin: number;
  salespersonCode: string;
  userEmail: string;
  evaluation: string;
  attemptFailed: boolean;
  correspondenceType: string;
  canceled: boolean;
  postponed: boolean;
  emailLogged: boolean;
  internetMessageId: string;
  campaignNo: string;
  campaignEntryNo: number;
  campaignTarget: boolean;
  campaignResponse: boolean;
  opportunityNo: string;
  loggedAt: string;
  /** The shared or delegated mailbox an e-mail was logged from; '' for the user's own. */
  mailboxAddress: string;
};

/** What is written for a new entry; the rest takes its column default. */
export type NewInteractionEntry = Omit<InteractionEntry, 'entryNo' | 'loggedAt' | 'canceled' | 'postponed' | 'mailboxAddress'> & {
  /** Only e-mails have one; '' (the column's default) when left out. */
  mailboxAddress?: string;
  userId: string;
  conversationId: string;
  emailFrom: string;
  attachmentNames: string[];
  bodyExcerpt: string;
};

const COLUMNS =
  'entry_no, id, contact_no, contact_company_no, date, time_of_interaction, description, subject, information_flow, initiated_by, interaction_group_code, interaction_template_code, interaction_language_code, cost_lcy, duration_min, salesperson_code, user_email, evaluation, attempt_failed, correspondence_type, canceled, postponed, email_logged, internet_message_id, campaign_no, campaign_entry_no, campaign_target, campaign_response, opportunity_no, logged_at, mailbox_address';

const toEntry = (row: Record<string, unknown>): InteractionEntry => {
  const entry = fromRow<InteractionEntry & { loggedAt: Date | string; id: string }>(row);
  return { ...entry, id: String(entry.id), loggedAt: new Date(entry.loggedAt).toISOString() };
};

/**
 * Inserts the entries, skipping each whose client id, or whose e-mail for its contact, is already
 * logged; returns the ones inserted (the caller reads the others back). Concurrent loggers of one
 * e-mail race on the unique indexes and exactly one insert per contact wins. One statement for all.
 */
export async function insertEntriesOnce(tx: Queryable, tenantId: string, entries: readonly NewInteractionEntry[]): Promise<InteractionEntry[]> {
  const first = entries[0];
  if (!first) return [];
  const fields = Object.keys(first) as (keyof NewInteractionEntry)[];
  const params: unknown[] = [tenantId];
  const rows = entries.map((entry) => `($1, ${fields.map((field) => `$${params.push(entry[field])}`).join(', ')})`);
  const inserted = await tx.query(
    `INSERT INTO interaction_log_entry (tenant_id, ${fields.map(toSnakeCase).join(', ')}) VALUES ${rows.join(', ')}
     ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
    params,
  );
  return inserted.map(toEntry);
}

/** The entry of a client id, or of an e-mail for a contact. */
export async function findExistingEntry(db: Queryable, tenantId: string, id: string, contactNo: string, internetMessageId: string): Promise<InteractionEntry | undefined> {
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM interaction_log_entry WHERE tenant_id = $1
       AND (id = $2 OR (contact_no = $3 AND internet_message_id = $4 AND internet_message_id <> ''))
     ORDER BY entry_no LIMIT 1`,
    [tenantId, id, contactNo, internetMessageId],
  );
  return rows[0] ? toEntry(rows[0]) : undefined;
}

export async function entriesOfMessage(db: Queryable, tenantId: string, internetMessageId: string): Promise<InteractionEntry[]> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM interaction_log_entry WHERE tenant_id = $1 AND internet_message_id = $2 ORDER BY entry_no`, [
    tenantId,
    internetMessageId,
  ]);
  return rows.map(toEntry);
}

export async function getEntry(db: Queryable, tenantId: string, entryNo: number, options: { forUpdate?: boolean } = {}): Promise<InteractionEntry | undefined> {
  const rows = await db.query(`SELECT ${COLUMNS} FROM interaction_log_entry WHERE tenant_id = $1 AND entry_no = $2${options.forUpdate ? ' FOR UPDATE' : ''}`, [
    tenantId,
    entryNo,
  ]);
  return rows[0] ? toEntry(rows[0]) : undefined;
}

/**
 * A contact's interactions, newest first: a company's own and its persons', a person's own.
 * Keyset paging on (date, entry no).
 */
export async function historyOf(
  db: Queryable,
  tenantId: string,
  contact: { no: string; type: 'company' | 'person' },
  page: { limit: number; before?: { date: string; entryNo: number } | undefined },
): Promise<InteractionEntry[]> {
  const column = contact.type === 'company' ? 'contact_company_no' : 'contact_no';
  const params: unknown[] = [tenantId, contact.no];
  let after = '';
  if (page.before) {
    params.push(page.before.date, page.before.entryNo);
    after = ' AND (date, entry_no) < ($3::date, $4::bigint)';
  }
  params.push(page.limit);
  const rows = await db.query(
    `SELECT ${COLUMNS} FROM interaction_log_entry WHERE tenant_id = $1 AND ${column} = $2${after}
     ORDER BY date DESC, entry_no DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEntry);
}

export async function setCanceled(tx: Queryable, tenantId: string, entryNo: number, canceled: boolean): Promise<void> {
  await tx.query('UPDATE interaction_log_entry SET canceled = $3 WHERE tenant_id = $1 AND entry_no = $2', [tenantId, entryNo, canceled]);
}

export async function deleteEntry(tx: Queryable, tenantId: string, entryNo: number): Promise<void> {
  await tx.query('DELETE FROM interaction_log_entry WHERE tenant_id = $1 AND entry_no = $2', [tenantId, entryNo]);
}

export async function getInteractionTemplateSetup(db: Queryable, tenantId: string): Promise<InteractionTemplateSetup> {
  const rows = await db.query<{ setup: InteractionTemplateSetup }>('SELECT setup FROM interaction_template_setup WHERE tenant_id = $1', [tenantId]);
  return rows[0]?.setup ?? ({} as InteractionTemplateSetup);
}

export async function saveInteractionTemplateSetup(tx: Queryable, tenantId: string, setup: InteractionTemplateSetup): Promise<void> {
  await tx.query(
    `INSERT INTO interaction_template_setup (tenant_id, setup) VALUES ($1, $2) ON CONFLICT (tenant_id) DO UPDATE SET setup = EXCLUDED.setup`,
    [tenantId, JSON.stringify(setup)],
  );
}

const TEMPLATE_COLUMNS =
  'code, interaction_group_code, description, unit_cost, unit_duration_min, information_flow, initiated_by, campaign_no, campaign_target, campaign_response, correspondence_type, ignore_contact_corres_type, language_code, wizard_action';

export async function getInteractionTemplate(db: Queryable, tenantId: string, code: string): Promise<InteractionTemplate | undefined> {
  const rows = await db.query(`SELECT ${TEMPLATE_COLUMNS} FROM interaction_template WHERE tenant_id = $1 AND code = $2`, [tenantId, code]);
  return rows[0] ? fromRow<InteractionTemplate>(rows[0]) : undefined;
}

export async function listInteractionTemplates(db: Queryable, tenantId: string): Promise<InteractionTemplate[]> {
  const rows = await db.query(`SELECT ${TEMPLATE_COLUMNS} FROM interaction_template WHERE tenant_id = $1 ORDER BY code`, [tenantId]);
  return rows.map((row) => fromRow<InteractionTemplate>(row));
}

/** Everyone an address stands for: salespeople and contacts by e-mail, e-mail 2 or alternative address. */
export async function matchAddresses(db: Queryable, tenantId: string, addresses: readonly string[]) {
  const salespeople = await db.query<{ code: string; search_email: string }>(
    'SELECT code, search_email FROM salesperson WHERE tenant_id = $1 AND search_email = ANY($2::text[]) AND NOT blocked ORDER BY code',
    [tenantId, addresses],
  );
  // `inherited`: the match is a person's e-mail that still follows its company's (§2.3), so the
  // address is the company's general one.
  const contacts = await db.query<{ no: string; type: string; company_no: string; address: string; inherited: boolean }>(
    `SELECT c.no, c.type, c.company_no, m.address, bool_and(m.primary_email AND c.type = 'person' AND 'email' = ANY(c.inherited_fields)) AS inherited FROM (
       SELECT no, search_email AS address, true AS primary_email FROM contact WHERE tenant_id = $1 AND search_email = ANY($2::text[])
       UNION SELECT no, search_email_2, false FROM contact WHERE tenant_id = $1 AND search_email_2 = ANY($2::text[])
       UNION SELECT contact_no, search_email, false FROM contact_alt_address WHERE tenant_id = $1 AND search_email = ANY($2::text[])) m
     JOIN contact c ON c.tenant_id = $1 AND c.no = m.no
     GROUP BY c.no, c.type, c.company_no, m.address
     ORDER BY c.no`,
    [tenantId, addresses],
  );
  return { salespeople, contacts };
}

/** The languages an interaction template is set up in. */
export async function templateLanguages(db: Queryable, tenantId: string, templateCode: string): Promise<Set<string>> {
  const rows = await db.query<{ language_code: string }>('SELECT language_code FROM interaction_tmpl_language WHERE tenant_id = $1 AND template_code = $2', [tenantId, templateCode]);
  return new Set(rows.map((row) => row.language_code));
}

/**
 * The language an interaction is recorded in (§5.4, §6.1): the contact's language when the template
 * is set up in it, else the template's default language.
 */
export const interactionLanguage = (languages: ReadonlySet<string>, template: InteractionTemplate, contactLanguageCode: string): string =>
  contactLanguageCode !== '' && languages.has(contactLanguageCode) ? contactLanguageCode : template.languageCode;

/** The columns of an interaction export, in order, each with the SQL that reads it as text. */
export const INTERACTION_EXPORT_COLUMNS = [
  ['entryNo', 'i.entry_no'],
  ['date', 'i.date'],
  ['timeOfInteraction', 'i.time_of_interaction'],
  ['contactNo', 'i.contact_no'],
  ['contactName', "COALESCE(c.name, '')"],
  ['contactCompanyNo', 'i.contact_company_no'],
  ['contactCompanyName', "COALESCE(c.company_name, '')"],
  ['description', 'i.description'],
  ['subject', 'i.subject'],
  ['informationFlow', 'i.information_flow'],
  ['initiatedBy', 'i.initiated_by'],
  ['interactionGroupCode', 'i.interaction_group_code'],
  ['interactionTemplateCode', 'i.interaction_template_code'],
  ['salespersonCode', 'i.salesperson_code'],
  ['userEmail', 'i.user_email'],
  ['mailboxAddress', 'i.mailbox_address'],
  ['costLcy', 'i.cost_lcy'],
  ['durationMin', 'i.duration_min'],
  ['evaluation', 'i.evaluation'],
  ['attemptFailed', 'i.attempt_failed'],
  ['correspondenceType', 'i.correspondence_type'],
  ['campaignNo', 'i.campaign_no'],
  ['campaignTarget', 'i.campaign_target'],
  ['campaignResponse', 'i.campaign_response'],
  ['opportunityNo', 'i.opportunity_no'],
  ['canceled', 'i.canceled'],
  ['postponed', 'i.postponed'],
  ['emailLogged', 'i.email_logged'],
] as const;

export type InteractionExportFilter = {
  from: string;
  to: string;
  contactNo?: string | undefined;
  campaignNo?: string | undefined;
  salespersonCode?: string | undefined;
  /** The date and entry number of the last row of the previous page. */
  after?: { date: string; entryNo: number } | undefined;
  limit: number;
};

/**
 * A page of the entries dated `from` to `to` (both included), in date and entry number order, each
 * row as the texts of `INTERACTION_EXPORT_COLUMNS`; keyset paging on (date, entry number) over
 * migration 13's index, so every page is one index range read.
 */
export async function listInteractionExportRows(db: Queryable, tenantId: string, filter: InteractionExportFilter): Promise<string[][]> {
  const params: unknown[] = [tenantId, filter.from, filter.to];
  const conditions = ['i.tenant_id = $1', 'i.date BETWEEN $2 AND $3'];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filter.contactNo) add((p) => `i.contact_no = ${p}`, filter.contactNo);
  if (filter.campaignNo) add((p) => `i.campaign_no = ${p}`, filter.campaignNo);
  if (filter.salespersonCode) add((p) => `i.salesperson_code = ${p}`, filter.salespersonCode);
  if (filter.after) {
    params.push(filter.after.date, filter.after.entryNo);
    conditions.push(`(i.date, i.entry_no) > ($${params.length - 1}::date, $${params.length}::bigint)`);
  }
  const columns = INTERACTION_EXPORT_COLUMNS.map(([, sql]) => `${sql}::text`).join(', ');
  const rows = await db.query<{ fields: string[] }>(
    `SELECT ARRAY[${columns}] AS fields FROM interaction_log_entry i
     LEFT JOIN contact c ON c.tenant_id = i.tenant_id AND c.no = i.contact_no
     WHERE ${conditions.join(' AND ')} ORDER BY i.date, i.entry_no LIMIT $${params.push(filter.limit)}`,
    params,
  );
  return rows.map((row) => row.fields);
}
