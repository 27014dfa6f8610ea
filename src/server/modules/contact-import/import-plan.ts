import type { ImportCandidate, ImportMapping, ImportOutcome, ImportRowProblem } from '../../../contract/contact-import';
import type { ContactCreateBody, ContactPatchBody } from '../../../contract/contacts';
import { accountKindOfCode } from '../../../domain/business-relation';
import { blankContact } from '../../../domain/contact/blank-contact';
import type { Contact, ContactType } from '../../../domain/contact/contact';
import { normalizePhoneForMatch, type DuplicateSearchStringSetup } from '../../../domain/duplicate-search';
import { normalizeEmail } from '../../../domain/email';
import type { MarketingSetup } from '../../../domain/marketing-setup';
import type { Queryable } from '../../db/db';
import { relationsOfContacts } from '../business-relations/business-relation-repository';
import { findProspectDuplicates, type ProspectSearch } from '../contacts/contact-bulk-create';
import { contactsByNoOrExternalId, type StoredContact } from '../contacts/contact-repository';
import { getDuplicateSearchSetup } from '../duplicates/duplicate-service';
import { findNoSeries } from '../number-series/number-series-repository';
import { getMarketingSetup } from '../setup/marketing-setup-repository';
import { createBodyOf, hasName, patchOf, type ImportValues, type RowDraft } from './import-row';
import { timed, type Timings } from './timings';

/**
 * What happens to each row, decided the same way by the dry run (as the file streams) and by the
 * run (again, just before writing, as the contacts stand then): matched by number or external id
 * → updated or unchanged; new → created, or a likely duplicate of a contact or of an earlier row;
 * anything that does not fit → refused, with the field, the column and the reason.
 */
export type RowPlan =
  | { rowNo: number; outcome: 'refused'; type: ContactType | null; contactNo: string; problems: ImportRowProblem[]; keys: string[] }
  | {
      rowNo: number;
      outcome: 'created' | 'duplicate';
      type: ContactType;
      contactNo: '';
      body: ContactCreateBody;
      relationCode: string;
      candidates: ImportCandidate[];
      keys: string[];
      /** The row's duplicate search against the stored contacts, all of them (the run's bulk creation reuses it). */
      searched?: ProspectSearch;
    }
  | { rowNo: number; outcome: 'updated' | 'unchanged'; type: ContactType; contactNo: string; patch: ContactPatchBody; relationCode: string; keys: string[] };

/** The tenant's setup and code lists, read once per upload or job step rather than once per row. */
export type ImportLookups = {
  setup: MarketingSetup;
  /** The duplicate search strings' setup, for checking new rows against the contacts. */
  searchSetup: DuplicateSearchStringSetup[];
  codes: Record<'territory' | 'countryRegion' | 'language' | 'businessRelation', Set<string>>;
  /** Salesperson code → privacy blocked. */
  salespeople: Map<string, boolean>;
  /** Whether the contact series takes typed numbers (Manual Nos.). */
  manualNos: boolean;
};

export async function loadLookups(db: Queryable, tenantId: string): Promise<ImportLookups> {
  const setup = await getMarketingSetup(db, tenantId);
  const codes: ImportLookups['codes'] = { territory: new Set(), countryRegion: new Set(), language: new Set(), businessRelation: new Set() };
  const rows = await db.query<{ kind: keyof ImportLookups['codes']; code: string }>('SELECT kind, code FROM code_list WHERE tenant_id = $1 AND kind = ANY($2::text[])', [
    tenantId,
    Object.keys(codes),
  ]);
  for (const row of rows) codes[row.kind].add(row.code);
  const salespeople = await db.query<{ code: string; privacy_blocked: boolean }>('SELECT code, privacy_blocked FROM salesperson WHERE tenant_id = $1', [tenantId]);
  const series = setup.contactNos ? await findNoSeries(db, tenantId, setup.contactNos) : undefined;
  return {
    setup,
    searchSetup: await getDuplicateSearchSetup(db, tenantId),
    codes,
    salespeople: new Map(salespeople.map((row) => [row.code, row.privacy_blocked])),
    manualNos: series?.manualNos ?? false,
  };
}

/** A row's company as the caller knows it: its number, why it cannot be linked, or not known yet (null). */
export type CompanyLink = { companyNo: string } | { problem: ImportRowProblem } | null;

/** An earlier row holding a key: its number and name, to name it as the candidate of a duplicate, and the contact the run made of it. */
export type EarlierRow = { rowNo: number; name: string; contactNo: string };

export type PlanContext = {
  db: Queryable;
  tenantId: string;
  mapping: ImportMapping;
  lookups: ImportLookups;
  companyOf(draft: RowDraft): CompanyLink;
  /**
   * Rows before this batch holding any of `keys`: for the dry run every staged row; for the run the
   * rows it has already created or skipped as duplicates.
   */
  earlierKeys(keys: readonly string[]): Promise<Map<string, EarlierRow>>;
  /**
   * Which of the contacts `nos` this import's run created. They are rows of the same file, so a new
   * row is compared with them as with any earlier row (by its keys) rather than as with a contact:
   * what the run skips does not depend on where its steps begin and end.
   */
  createdByThisImport(nos: readonly string[]): Promise<Set<string>>;
  timings?: Timings<PlanPhase> | undefined;
};

export const PLAN_PHASES = ['match', 'rules', 'duplicates'] as const;
export type PlanPhase = (typeof PLAN_PHASES)[number];

const CAPTIONS = { territoryCode: 'territory', countryRegionCode: 'country/region', languageCode: 'language' } as const;
const CODE_KINDS = { territoryCode: 'territory', countryRegionCode: 'countryRegion', languageCode: 'language' } as const;

/** The code fields' table relations, against the lists read once (Business Central's "There is no … X."). */
function referenceProblems(values: ImportValues, mapping: ImportMapping, lookups: ImportLookups): ImportRowProblem[] {
  const problems: ImportRowProblem[] = [];
  const problem = (field: keyof ImportValues, reason: string) => problems.push({ field, column: mapping[field] ?? '', reason });
  for (const field of ['territoryCode', 'countryRegionCode', 'languageCode'] as const) {
    const code = values[field];
    if (code !== undefined && !lookups.codes[CODE_KINDS[field]].has(code)) problem(field, `There is no ${CAPTIONS[field]} ${code}.`);
  }
  const salesperson = values.salespersonCode;
  if (salesperson !== undefined) {
    const blocked = lookups.salespeople.get(salesperson);
    if (blocked === undefined) problem('salespersonCode', `There is no salesperson ${salesperson}.`);
    else if (blocked) problem('salespersonCode', `Salesperson ${salesperson} is blocked due to privacy.`);
  }
  const relation = values.businessRelationCode;
  if (relation !== undefined) {
    if (!lookups.codes.businessRelation.has(relation)) problem('businessRelationCode', `There is no business relation ${relation}.`);
    else if (accountKindOfCode(lookups.setup, relation) !== undefined) {
      problem('businessRelationCode', `${relation} is the business relation of linked ${accountKindOfCode(lookups.setup, relation)} records; use Create as or Link instead.`);
    }
  }
  return problems;
}

/** The keys of a row that must be unique in the file: its number and its external id. */
const identityKeys = (values: ImportValues): string[] => [
  ...(values.no !== undefined ? [`no:${values.no}`] : []),
  ...(values.externalId !== undefined ? [`ext:${values.externalId}`] : []),
];

/** A company row's name, by which the file's persons may name it. */
export const companyNameKey = (name: string) => `name:${name.trim().toUpperCase()}`;

/** The exact values a new contact must not share with an earlier new row of the same type (the duplicate search's exact matches). */
function matchKeys(values: ImportValues, type: ContactType): { key: string; match: 'email' | 'phone' }[] {
  const keys: { key: string; match: 'email' | 'phone' }[] = [];
  const email = normalizeEmail(values.email ?? '');
  if (email !== '') keys.push({ key: `email:${type}:${email}`, match: 'email' });
  for (const phone of [values.phoneNo, values.mobilePhoneNo]) {
    const digits = normalizePhoneForMatch(phone ?? '');
    if (digits.length >= 6) keys.push({ key: `phone:${type}:${digits}`, match: 'phone' });
  }
  return keys;
}

/** Contacts by number and by external id: one query for the batch. */
function matchContacts(db: Queryable, tenantId: string, drafts: readonly RowDraft[]) {
  const nos = drafts.flatMap((draft) => (draft.values.no !== undefined ? [draft.values.no] : []));
  const externalIds = drafts.flatMap((draft) => (draft.values.no === undefined && draft.values.externalId !== undefined ? [draft.values.externalId] : []));
  return contactsByNoOrExternalId(db, tenantId, nos, externalIds);
}

/**
 * Plans a batch of rows in order; a row sees the keys of the rows before it, in the batch and
 * before. The new rows are checked against the contacts for likely duplicates all at once, with
 * nothing written (findProspectDuplicates).
 */
export async function planRows(context: PlanContext, drafts: readonly RowDraft[]): Promise<RowPlan[]> {
  const { db, tenantId, mapping, lookups, timings } = context;
  const { byNo, byExternalId, relations, earlier } = await timed(timings, 'match', async () => {
    const matched = await matchContacts(db, tenantId, drafts);
    const matchedNos = [...matched.byNo.keys(), ...[...matched.byExternalId.values()].flat().map((contact) => contact.no)];
    const allKeys = drafts.flatMap((draft) => [...identityKeys(draft.values), ...matchKeys(draft.values, 'company').map((k) => k.key), ...matchKeys(draft.values, 'person').map((k) => k.key)]);
    return {
      ...matched,
      relations: new Set((await relationsOfContacts(db, tenantId, matchedNos)).map((relation) => `${relation.contactNo}\u0000${relation.businessRelationCode}`)),
      earlier: await context.earlierKeys([...new Set(allKeys)]),
    };
  });
  const hasRelation = (contactNo: string, code: string) => relations.has(`${contactNo}\u0000${code}`);
  const rulesStarted = performance.now();

  const inBatch = new Map<string, EarlierRow>();
  const takenBy = (key: string) => earlier.get(key) ?? inBatch.get(key);

  const plans: RowPlan[] = [];
  /** New rows, by their place in `plans`, with the contact they would be, to check for duplicates once the loop is done. */
  const prospects: { index: number; contact: Contact }[] = [];
  for (const draft of drafts) {
    const { values } = draft;
    if (draft.problems.some((problem) => problem.field === '')) {
      // A row that could not be read as a whole (wrong field count, not a JSON object) says only that.
      plans.push({ rowNo: draft.rowNo, outcome: 'refused', type: null, contactNo: '', problems: draft.problems, keys: [] });
      continue;
    }
    const problems = [...draft.problems];
    const problem = (field: keyof ImportValues, reason: string) => problems.push({ field, column: mapping[field] ?? '', reason });
    const rowName = values.name ?? [values.firstName, values.surname].filter(Boolean).join(' ');

    const keys = identityKeys(values);
    for (const key of keys) {
      const holder = takenBy(key);
      if (holder) problem(key.startsWith('no:') ? 'no' : 'externalId', `Row ${holder.rowNo} has the same ${key.startsWith('no:') ? 'number' : 'external id'}.`);
    }

    let matched: StoredContact | undefined;
    if (values.no !== undefined) matched = byNo.get(values.no);
    else if (values.externalId !== undefined) {
      const found = byExternalId.get(values.externalId) ?? [];
      if (found.length > 1) problem('externalId', `Contacts ${found.map((contact) => contact.no).join(', ')} share this external id.`);
      else matched = found[0];
    }

    const ownNo = values.no ?? matched?.no;
    // A company is its own company in Business Central (an export writes its number and name there).
    const selfReference = draft.type !== 'person' && (draft.companyRef === ownNo || draft.companyRef.toUpperCase() === (values.name ?? matched?.name ?? '').toUpperCase());
    const companyRef = selfReference ? '' : draft.companyRef;
    const type: ContactType = draft.type ?? matched?.type ?? (companyRef !== '' ? 'person' : 'company');
    if (matched && draft.type !== null && draft.type !== matched.type) {
      problem('type', `Contact ${matched.no} is a ${matched.type}; change the type on the contact itself.`);
    }
    if (type === 'company' && companyRef !== '') {
      problem(values.companyNo !== undefined ? 'companyNo' : 'companyName', 'Only persons belong to a company.');
    }
    if (values.businessRelationCode !== undefined && type === 'person' && (companyRef !== '' || (matched?.companyNo ?? '') !== '')) {
      problem('businessRelationCode', 'Business relations belong to the company: put the code on the company row.');
    }
    problems.push(...referenceProblems(values, mapping, lookups));
    if (!matched) {
      if (!hasName(values, type) && !problems.some((known) => known.field === 'name')) problem('name', 'A new contact needs a name.');
      if (values.no !== undefined && !lookups.manualNos) {
        problem('no', `There is no contact ${values.no}, and the contact number series does not take typed numbers (Manual Nos.).`);
      }
    }
    const link = problems.length === 0 ? context.companyOf(draft) : null;
    if (link && 'problem' in link) problems.push(link.problem);

    const ownKeys = [...keys, ...(type === 'company' && values.name !== undefined ? [companyNameKey(values.name)] : [])];
    if (problems.length > 0) {
      for (const key of ownKeys) if (!takenBy(key)) inBatch.set(key, { rowNo: draft.rowNo, name: rowName, contactNo: '' });
      plans.push({ rowNo: draft.rowNo, outcome: 'refused', type: draft.type ?? matched?.type ?? null, contactNo: matched?.no ?? '', problems, keys: ownKeys });
      continue;
    }
    const companyNo = link && 'companyNo' in link ? link.companyNo : null;
    const relationCode = values.businessRelationCode ?? '';

    if (matched) {
      const patch = patchOf(values, matched, companyNo);
      const addRelation = relationCode !== '' && !hasRelation(matched.no, relationCode) ? relationCode : '';
      const outcome: ImportOutcome = Object.keys(patch).length === 0 && addRelation === '' ? 'unchanged' : 'updated';
      for (const key of ownKeys) if (!takenBy(key)) inBatch.set(key, { rowNo: draft.rowNo, name: rowName, contactNo: '' });
      plans.push({ rowNo: draft.rowNo, outcome: outcome as 'updated' | 'unchanged', type, contactNo: matched.no, patch, relationCode: addRelation, keys: ownKeys });
      continue;
    }

    const body = createBodyOf(values, type, companyNo ?? '');
    const candidates: ImportCandidate[] = [];
    const newKeys = matchKeys(values, type);
    for (const { key, match } of newKeys) {
      const holder = takenBy(key);
      if (!holder) continue;
      const known = candidates.find((candidate) => candidate.rowNo === holder.rowNo);
      if (known) {
        if (!known.exactMatches.includes(match)) known.exactMatches.push(match);
      } else candidates.push({ contactNo: holder.contactNo, rowNo: holder.rowNo, name: holder.name, type, noOfMatchingStrings: 0, exactMatches: [match] });
    }
    // The contact as a check before creating sees it: the row's own values, no defaults or inheritance.
    const { no: _typedNo, ...fields } = body;
    prospects.push({ index: plans.length, contact: { ...blankContact('', type), ...fields, no: '' } });
    const allOwnKeys = [...ownKeys, ...newKeys.map((entry) => entry.key)];
    for (const key of allOwnKeys) if (!takenBy(key)) inBatch.set(key, { rowNo: draft.rowNo, name: rowName, contactNo: '' });
    plans.push({ rowNo: draft.rowNo, outcome: candidates.length > 0 ? 'duplicate' : 'created', type, contactNo: '', body, relationCode, candidates, keys: allOwnKeys });
  }

  if (timings) timings.rules = (timings.rules ?? 0) + (performance.now() - rulesStarted);

  const { searches, ownContacts } = await timed(timings, 'duplicates', async () => {
    const found = await findProspectDuplicates(
      db,
      tenantId,
      prospects.map((prospect) => prospect.contact),
      lookups.setup,
      lookups.searchSetup,
    );
    return { searches: found, ownContacts: await context.createdByThisImport([...new Set(found.flatMap((search) => search.found.map((candidate) => candidate.contactNo)))]) };
  });
  prospects.forEach(({ index }, at) => {
    const plan = plans[index];
    if (plan?.outcome !== 'created' && plan?.outcome !== 'duplicate') return;
    const search = searches[at];
    if (search) plan.searched = search;
    for (const candidate of search?.found ?? []) {
      if (ownContacts.has(candidate.contactNo)) continue;
      const { contactNo, name, type, noOfMatchingStrings, exactMatches } = candidate;
      plan.candidates.push({ contactNo, rowNo: null, name, type, noOfMatchingStrings, exactMatches });
    }
    if (plan.candidates.length > 0) plan.outcome = 'duplicate';
  });
  return plans;
}
