import type { ImportMapping, ImportOutcome, ImportRowProblem } from '../../../contract/contact-import';
import type { Queryable } from '../../db/db';
import { getContacts } from '../contacts/contact-repository';
import { companyNameKey } from './import-plan';
import { companyRowsByKeys, personsWithCompany, saveCompanyLinks, type StagedRow } from './import-repository';

/** Persons linked per query round. */
const LINK_BATCH = 500;

type Found = { rowNo: number; outcome: ImportOutcome; contactNo: string } | { contactNo: string };

/**
 * Once the whole file is staged, links each person to its company — a row of the file or a
 * contact — wherever in the file the company's row is. The name a person gives is tried, in order,
 * as a number, an external id and a company name: first among the file's company rows, then among
 * the company contacts. A name shared by several is refused as ambiguous.
 */
export async function linkCompanies(db: Queryable, tenantId: string, importId: string, mapping: ImportMapping): Promise<void> {
  let after = 0;
  for (;;) {
    const persons = await personsWithCompany(db, tenantId, importId, after, LINK_BATCH);
    if (persons.length === 0) return;
    after = persons.at(-1)?.rowNo ?? after;
    const refs = [...new Set(persons.map((person) => person.companyRef.trim().toUpperCase()))];
    const fileRows = await companyRowsByKeys(db, tenantId, importId, refs.flatMap((ref) => [`no:${ref}`, `ext:${ref}`, companyNameKey(ref)]));
    const contacts = await db.query<{ no: string; external_id: string; upper_name: string }>(
      `SELECT no, external_id, upper(trim(name)) AS upper_name FROM contact WHERE tenant_id = $1 AND type = 'company'
         AND (no = ANY($2::text[]) OR external_id = ANY($2::text[]) OR search_name = ANY($2::text[]))`,
      [tenantId, refs],
    );
    const current = new Map((await getContacts(db, tenantId, persons.filter((person) => person.contactNo !== '').map((person) => person.contactNo))).map((contact) => [contact.no, contact]));
    // Each list by the value it is looked up by: a batch of persons is not a batch times the rows found.
    const fileRowsByKey = groupBy(fileRows, (row) => row.key);
    const contactsBy = (value: (contact: (typeof contacts)[number]) => string) => groupBy(contacts.map((contact) => ({ ...contact, contactNo: contact.no })), value);
    const [byNo, byExternalId, byName] = [contactsBy((contact) => contact.no), contactsBy((contact) => contact.external_id), contactsBy((contact) => contact.upper_name)];
    const companies = (map: Map<string, { contactNo: string }[]>, key: string): Found[] => (map.get(key) ?? []).map((contact) => ({ contactNo: contact.contactNo }));

    const links = persons.map((person) => {
      const ref = person.companyRef.trim().toUpperCase();
      const field = person.values.companyNo !== undefined ? 'companyNo' : 'companyName';
      const problem = (reason: string): ImportRowProblem => ({ field, column: mapping[field] ?? '', reason });
      const steps: Found[][] = [
        fileRowsByKey.get(`no:${ref}`) ?? [],
        companies(byNo, ref),
        fileRowsByKey.get(`ext:${ref}`) ?? [],
        companies(byExternalId, ref),
        fileRowsByKey.get(companyNameKey(ref)) ?? [],
        companies(byName, ref),
      ];
      const found = steps.find((step) => step.length > 0) ?? [];
      const problems: ImportRowProblem[] = [];
      if (found.length === 0) problems.push(problem(`There is no company "${person.companyRef}" in the file or among the contacts (by number, external id or name).`));
      if (found.length > 1) {
        const names = found.map((entry) => ('rowNo' in entry ? `row ${entry.rowNo}` : entry.contactNo)).join(', ');
        problems.push(problem(`"${person.companyRef}" names several companies (${names}); use the number or the external id.`));
      }
      const [company] = found.length === 1 ? found : [];
      if (company && 'rowNo' in company && company.outcome === 'refused') problems.push(problem(`The company on row ${company.rowNo} is refused.`));
      return linkOf(person, company, problems, current.get(person.contactNo)?.companyNo);
    });
    await saveCompanyLinks(db, tenantId, importId, links);
  }
}

/** The person's link and its outcome: an unchanged person moving to another company is updated. */
function linkOf(person: StagedRow, company: Found | undefined, problems: ImportRowProblem[], currentCompanyNo: string | undefined) {
  if (problems.length > 0 || !company) {
    return { rowNo: person.rowNo, companyRowNo: null, companyNo: '', outcome: 'refused' as const, problems: [...person.problems, ...problems] };
  }
  const companyRowNo = 'rowNo' in company ? company.rowNo : null;
  const companyNo = 'rowNo' in company ? '' : company.contactNo;
  const target = company.contactNo; // '' for a company the run creates
  const moves = currentCompanyNo !== undefined && (target === '' || target !== currentCompanyNo);
  const outcome: ImportOutcome = person.outcome === 'unchanged' && moves ? 'updated' : person.outcome;
  return { rowNo: person.rowNo, companyRowNo, companyNo, outcome, problems: person.problems };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
