import type { Contact } from '../../../domain/contact/contact';
import type { Queryable } from '../../db/db';
import { csvLine, UTF8_BOM } from '../../http/csv';
import { listContactFields, type ContactListFilter } from './contact-repository';

/** The columns of a contact export, in order: the fields an import maps, then the rest a manager reads. */
export const CONTACT_EXPORT_COLUMNS = [
  'no', 'type', 'name', 'name2', 'companyNo', 'companyName', 'firstName', 'middleName', 'surname', 'jobTitle',
  'address', 'address2', 'postCode', 'city', 'county', 'countryRegionCode', 'phoneNo', 'mobilePhoneNo', 'email', 'email2', 'homePage',
  'languageCode', 'salespersonCode', 'territoryCode', 'vatRegistrationNo', 'externalId',
] as const satisfies readonly (keyof Contact)[];

/** Rows read per query: large enough to keep round trips few, small enough to keep memory flat. */
const EXPORT_PAGE = 5000;

/**
 * The contacts of a filter (the filters of `GET /contacts`) as CSV, header first, in number order,
 * read page by page by keyset so a million contacts stream in constant memory.
 */
export async function* contactsAsCsv(db: Queryable, tenantId: string, filter: Omit<ContactListFilter, 'limit' | 'after'>): AsyncGenerator<string> {
  yield UTF8_BOM + csvLine(CONTACT_EXPORT_COLUMNS);
  let after: string | undefined;
  for (;;) {
    const page = await listContactFields(db, tenantId, { ...filter, ...(after !== undefined ? { after } : {}), limit: EXPORT_PAGE }, CONTACT_EXPORT_COLUMNS);
    if (page.length > 0) yield page.map((row) => csvLine(row)).join('');
    if (page.length < EXPORT_PAGE) return;
    after = page.at(-1)?.[0]; // the number is the first column
  }
}
