import { activeAltAddressCode, checkAltAddressDateRange, type AltAddressDateRange, type ContactAltAddress } from '../../../domain/contact/alt-address';
import { normalizeEmail } from '../../../domain/email';
import { RapportError } from '../../../domain/errors';
import type { Queryable } from '../../db/db';
import { fromRow } from '../../db/rows';
import { checkReferences } from '../reference-data/references';
import { contactExists } from './contact-repository';

export type AltAddress = ContactAltAddress;

const COLUMNS =
  'code, company_name, company_name_2, address, address_2, post_code, city, county, country_region_code, phone_no, mobile_phone_no, fax_no, email, home_page';

async function requireContact(db: Queryable, tenantId: string, contactNo: string): Promise<void> {
  if (!(await contactExists(db, tenantId, contactNo))) throw new RapportError('not_found', `There is no contact ${contactNo}.`);
}

/** A contact's alternative addresses, their date ranges, and the one in force on `date`. */
export async function listAltAddresses(db: Queryable, tenantId: string, contactNo: string, date: string) {
  await requireContact(db, tenantId, contactNo);
  const items = (await db.query(`SELECT ${COLUMNS} FROM contact_alt_address WHERE tenant_id = $1 AND contact_no = $2 ORDER BY code`, [tenantId, contactNo])).map(
    (row) => fromRow<AltAddress>(row),
  );
  const dateRanges = (
    await db.query(
      `SELECT alt_address_code, starting_date, ending_date FROM contact_alt_address_date_range
       WHERE tenant_id = $1 AND contact_no = $2 ORDER BY starting_date`,
      [tenantId, contactNo],
    )
  ).map((row) => fromRow<AltAddressDateRange & { startingDate: string }>(row));
  return { items, dateRanges, activeCode: activeAltAddressCode(dateRanges, date) };
}

export async function putAltAddress(tx: Queryable, tenantId: string, contactNo: string, address: AltAddress): Promise<void> {
  await requireContact(tx, tenantId, contactNo);
  await checkReferences(tx, tenantId, [{ path: 'countryRegionCode', kind: 'countryRegion', code: address.countryRegionCode }]);
  const values = [
    address.companyName, address.companyName2, address.address, address.address2, address.postCode, address.city, address.county,
    address.countryRegionCode, address.phoneNo, address.mobilePhoneNo, address.faxNo, address.email, normalizeEmail(address.email), address.homePage,
  ];
  await tx.query(
    `INSERT INTO contact_alt_address (tenant_id, contact_no, code, company_name, company_name_2, address, address_2, post_code, city, county,
       country_region_code, phone_no, mobile_phone_no, fax_no, email, search_email, home_page)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (tenant_id, contact_no, code) DO UPDATE SET company_name = $4, company_name_2 = $5, address = $6, address_2 = $7,
       post_code = $8, city = $9, county = $10, country_region_code = $11, phone_no = $12, mobile_phone_no = $13, fax_no = $14,
       email = $15, search_email = $16, home_page = $17`,
    [tenantId, contactNo, address.code, ...values],
  );
}

export async function deleteAltAddress(tx: Queryable, tenantId: string, contactNo: string, code: string): Promise<void> {
  const rows = await tx.query('DELETE FROM contact_alt_address WHERE tenant_id = $1 AND contact_no = $2 AND code = $3 RETURNING 1 AS deleted', [tenantId, contactNo, code]);
  if (rows.length === 0) throw new RapportError('not_found', `Contact ${contactNo} has no alternative address ${code}.`);
}

/** Sets (or replaces) the date range starting on `startingDate`; its address must exist. */
export async function putAltAddressDateRange(tx: Queryable, tenantId: string, contactNo: string, range: AltAddressDateRange & { startingDate: string }): Promise<void> {
  checkAltAddressDateRange(range);
  await requireContact(tx, tenantId, contactNo);
  const exists = await tx.query('SELECT 1 FROM contact_alt_address WHERE tenant_id = $1 AND contact_no = $2 AND code = $3', [tenantId, contactNo, range.altAddressCode]);
  if (exists.length === 0) {
    throw new RapportError('validation_failed', `Contact ${contactNo} has no alternative address ${range.altAddressCode}.`, {
      fields: [{ path: 'altAddressCode', message: 'No such alternative address.' }],
    });
  }
  await tx.query(
    `INSERT INTO contact_alt_address_date_range (tenant_id, contact_no, starting_date, alt_address_code, ending_date) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (tenant_id, contact_no, starting_date) DO UPDATE SET alt_address_code = $4, ending_date = $5`,
    [tenantId, contactNo, range.startingDate, range.altAddressCode, range.endingDate],
  );
}

export async function deleteAltAddressDateRange(tx: Queryable, tenantId: string, contactNo: string, startingDate: string): Promise<void> {
  const rows = await tx.query(
    'DELETE FROM contact_alt_address_date_range WHERE tenant_id = $1 AND contact_no = $2 AND starting_date = $3 RETURNING 1 AS deleted',
    [tenantId, contactNo, startingDate],
  );
  if (rows.length === 0) throw new RapportError('not_found', `Contact ${contactNo} has no date range starting ${startingDate}.`);
}
