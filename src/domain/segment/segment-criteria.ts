import { RapportError } from '../errors';
import type { ContactType } from '../contact/contact';

/*
 * Building a segment's contact list (§6.2) over contacts in memory: the reference semantics. The
 * service runs the same rules in SQL (`src/server/modules/segments/segment-criteria-sql.ts`) so
 * that a tenant of a million contacts is never loaded; a property test holds the two to the same
 * lines on random data, so a change of the rules starts here.
 */

/** Evaluation of an interaction log entry (§5.4). */
export type InteractionEvaluation = '' | 'veryPositive' | 'positive' | 'neutral' | 'negative' | 'veryNegative';

/** One interaction log entry of a contact, as far as segment criteria look at it (§6.2). */
export type InteractionFacts = {
  /** `YYYY-MM-DD`. */
  date: string;
  segmentNo: string;
  campaignNo: string;
  evaluation: InteractionEvaluation;
  interactionTemplateCode: string;
  salespersonCode: string;
};

/**
 * What the contact-list builder knows of one contact: its own fields, its satellite code lists
 * (§2.6) and its interaction log entries. Industry groups and business relations belong to companies
 * only, so for a person they are those of its company (§6.2 matches them "on the company"); the loader
 * fills them so. Which interaction entries are listed (e.g. whether canceled ones count) is the
 * loader's choice: every listed entry can match.
 */
export type ContactFacts = {
  no: string;
  type: ContactType;
  /** The company contact; a company points to itself, a person without a company has ''. */
  companyNo: string;
  searchName: string;
  salespersonCode: string;
  postCode: string;
  countryRegionCode: string;
  territoryCode: string;
  excludeFromSegment: boolean;
  mailingGroups: string[];
  jobResponsibilities: string[];
  /** Of its company. */
  industryGroups: string[];
  /** Of its company. */
  businessRelations: string[];
  interactions: InteractionFacts[];
};

/**
 * The filter sections of §6.2. Within a section the fields filter one row together (AND), and a list
 * of codes means any of them (OR). A contact qualifies only if every section that has a filter has at
 * least one matching row; an omitted section, a section with only omitted fields and an empty code
 * list filter nothing. Codes are compared exactly (Business Central's codes are upper case).
 */
export type SegmentCriteria = {
  contact?: {
    no?: string;
    /** A prefix of the Search Name, case-insensitive. */
    searchName?: string;
    type?: ContactType;
    salespersonCode?: string;
    postCode?: string;
    countryRegionCode?: string;
    territoryCode?: string;
  };
  mailingGroup?: string[];
  jobResponsibility?: string[];
  industryGroup?: string[];
  businessRelation?: string[];
  interaction?: {
    /** Inclusive, `YYYY-MM-DD`. */
    dateFrom?: string;
    /** Inclusive, `YYYY-MM-DD`. */
    dateTo?: string;
    segmentNo?: string;
    campaignNo?: string;
    evaluation?: InteractionEvaluation;
    interactionTemplateCode?: string;
    salespersonCode?: string;
  };
};

/** The options of "Add Contacts" (§6.2); Business Central's defaults are all off. */
export type SegmentOptions = {
  /** Add a contact even when it is already on the segment (it then has two lines). */
  allowExistingContacts: boolean;
  /** Add all persons of each selected company. */
  expandCompanies: boolean;
  /** Add the company of each selected person. */
  allowRelatedCompanies: boolean;
  /** Include contacts marked "Exclude from Segment". */
  ignoreExclusion: boolean;
};

export const DEFAULT_SEGMENT_OPTIONS: SegmentOptions = {
  allowExistingContacts: false,
  expandCompanies: false,
  allowRelatedCompanies: false,
  ignoreExclusion: false,
};

const equalsIfSet = (filter: string | undefined, value: string) => filter === undefined || filter === value;
const anyOf = (filter: readonly string[] | undefined, values: readonly string[]) => filter === undefined || filter.length === 0 || filter.some((code) => values.includes(code));

/** Whether a contact qualifies under every section of the criteria (§6.2). */
export function matchesCriteria(contact: ContactFacts, criteria: SegmentCriteria): boolean {
  const own = criteria.contact ?? {};
  const contactRowMatches =
    equalsIfSet(own.no, contact.no) &&
    (own.searchName === undefined || contact.searchName.toUpperCase().startsWith(own.searchName.toUpperCase())) &&
    equalsIfSet(own.type, contact.type) &&
    equalsIfSet(own.salespersonCode, contact.salespersonCode) &&
    equalsIfSet(own.postCode, contact.postCode) &&
    equalsIfSet(own.countryRegionCode, contact.countryRegionCode) &&
    equalsIfSet(own.territoryCode, contact.territoryCode);
  if (!contactRowMatches) return false;
  if (!anyOf(criteria.mailingGroup, contact.mailingGroups)) return false;
  if (!anyOf(criteria.jobResponsibility, contact.jobResponsibilities)) return false;
  if (!anyOf(criteria.industryGroup, contact.industryGroups)) return false;
  if (!anyOf(criteria.businessRelation, contact.businessRelations)) return false;
  const filter = criteria.interaction;
  if (filter === undefined || Object.values(filter).every((value) => value === undefined)) return true;
  return contact.interactions.some(
    (entry) =>
      (filter.dateFrom === undefined || filter.dateFrom <= entry.date) &&
      (filter.dateTo === undefined || entry.date <= filter.dateTo) &&
      equalsIfSet(filter.segmentNo, entry.segmentNo) &&
      equalsIfSet(filter.campaignNo, entry.campaignNo) &&
      equalsIfSet(filter.evaluation, entry.evaluation) &&
      equalsIfSet(filter.interactionTemplateCode, entry.interactionTemplateCode) &&
      equalsIfSet(filter.salespersonCode, entry.salespersonCode),
  );
}

/**
 * "Add Contacts" (§6.2): appends, in the order of `all`, the contacts that match the criteria, then
 * — like Business Central — the persons of each matching company (Expand Companies) and the company
 * of each matching person (Allow Related Companies). Only contacts selected by the criteria are
 * expanded, so the two options together do not pull in every colleague of a matching person.
 * "Exclude from Segment" keeps a contact out however it was reached, unless Ignore Exclusion. Without
 * Allow Existing Contacts a contact already on the segment is not added again; one action never adds
 * a contact twice. Returns the new list: `current` followed by the added contact numbers.
 */
export function addContacts(current: readonly string[], all: readonly ContactFacts[], criteria: SegmentCriteria, options: SegmentOptions = DEFAULT_SEGMENT_OPTIONS): string[] {
  const eligible = (contact: ContactFacts) => options.ignoreExclusion || !contact.excludeFromSegment;
  const selected = all.filter((contact) => eligible(contact) && matchesCriteria(contact, criteria));
  const reached = new Set(selected.map((contact) => contact.no));
  for (const contact of selected) {
    if (options.expandCompanies && contact.type === 'company') {
      for (const person of all) if (person.type === 'person' && person.companyNo === contact.no && eligible(person)) reached.add(person.no);
    }
    if (options.allowRelatedCompanies && contact.type === 'person' && contact.companyNo !== '') {
      const company = all.find((candidate) => candidate.no === contact.companyNo && candidate.type === 'company');
      if (company !== undefined && eligible(company)) reached.add(company.no);
    }
  }
  const onSegment = new Set(current);
  const added = all.map((contact) => contact.no).filter((no) => reached.has(no) && (options.allowExistingContacts || !onSegment.has(no)));
  return [...current, ...added];
}

/** "Reduce Contacts" (§6.2): removes every line whose contact matches the criteria. A contact without facts never matches. */
export function reduceContacts(current: readonly string[], all: readonly ContactFacts[], criteria: SegmentCriteria): string[] {
  const matching = matchingNos(all, criteria);
  return current.filter((no) => !matching.has(no));
}

/** "Refine Contacts" (§6.2): keeps only the lines whose contact matches the criteria. A contact without facts never matches. */
export function refineContacts(current: readonly string[], all: readonly ContactFacts[], criteria: SegmentCriteria): string[] {
  const matching = matchingNos(all, criteria);
  return current.filter((no) => matching.has(no));
}

const matchingNos = (all: readonly ContactFacts[], criteria: SegmentCriteria) => new Set(all.filter((contact) => matchesCriteria(contact, criteria)).map((contact) => contact.no));

/**
 * One criteria action of a segment's history (§6.2): what was asked, and which lines it added and
 * removed, so Go Back can undo it. A contact appears once per line.
 */
export type SegmentAction = {
  kind: 'add' | 'reduce' | 'refine';
  criteria: SegmentCriteria;
  options: SegmentOptions;
  added: string[];
  removed: string[];
};

/** Removes one occurrence per entry of `lines`, the last occurrence first (lines are added at the end). */
function withoutLines(current: readonly string[], lines: readonly string[]): string[] {
  const remaining = [...current];
  for (const no of lines) {
    const index = remaining.lastIndexOf(no);
    if (index >= 0) remaining.splice(index, 1);
  }
  return remaining;
}

/** The lines of `before` that are not in `after`, one entry per line (both lists keep line order). */
function removedLines(before: readonly string[], after: readonly string[]): string[] {
  const kept = [...after];
  const removed: string[] = [];
  for (const no of before) {
    const index = kept.indexOf(no);
    if (index >= 0) kept.splice(index, 1);
    else removed.push(no);
  }
  return removed;
}

/**
 * Runs one Add / Reduce / Refine action and records it for the history. `options` matter to Add only
 * and are recorded as given, so a saved action can be re-applied the same way.
 */
export function applyAction(
  current: readonly string[],
  all: readonly ContactFacts[],
  kind: SegmentAction['kind'],
  criteria: SegmentCriteria,
  options: SegmentOptions = DEFAULT_SEGMENT_OPTIONS,
): { contacts: string[]; action: SegmentAction } {
  if (kind === 'add') {
    const contacts = addContacts(current, all, criteria, options);
    return { contacts, action: { kind, criteria, options, added: contacts.slice(current.length), removed: [] } };
  }
  const contacts = kind === 'reduce' ? reduceContacts(current, all, criteria) : refineContacts(current, all, criteria);
  return { contacts, action: { kind, criteria, options, added: [], removed: removedLines(current, contacts) } };
}

/**
 * "Go Back" (§6.2): undoes the last action of the history — deletes the lines it added and
 * re-inserts the lines it removed (at the end: the segment's line order is not restored). Returns
 * the new list and the shortened history. Refused with `conflict` when there is nothing to undo.
 */
export function goBack(current: readonly string[], history: readonly SegmentAction[]): { contacts: string[]; history: SegmentAction[] } {
  const last = history.at(-1);
  if (last === undefined) throw new RapportError('conflict', 'There is no criteria action to go back from.');
  return { contacts: [...withoutLines(current, last.added), ...last.removed], history: history.slice(0, -1) };
}
