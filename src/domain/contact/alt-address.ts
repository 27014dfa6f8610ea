import { RapportError } from '../errors';

/**
 * Contact Alt. Address (table 5051, §2.6): another address of a contact, by Code[10]. Its e-mail
 * is matched against senders like the contact's own (§10); the matching key is the caller's
 * (`normalizeEmail`).
 */
export type ContactAltAddress = {
  code: string;
  companyName: string;
  companyName2: string;
  address: string;
  address2: string;
  postCode: string;
  city: string;
  county: string;
  countryRegionCode: string;
  phoneNo: string;
  mobilePhoneNo: string;
  faxNo: string;
  email: string;
  homePage: string;
};

/** Field lengths of Contact Alt. Address (table 5051), the same as the contact's fields. */
export const ALT_ADDRESS_FIELD_LENGTHS: Readonly<Record<keyof ContactAltAddress, number>> = {
  code: 10,
  companyName: 100,
  companyName2: 50,
  address: 100,
  address2: 50,
  postCode: 20,
  city: 30,
  county: 30,
  countryRegionCode: 10,
  phoneNo: 30,
  mobilePhoneNo: 30,
  faxNo: 30,
  email: 80,
  homePage: 255,
};

/**
 * Contact Alt. Addr. Date Range (table 5052): from Starting Date to Ending Date (ISO dates) the
 * alternative address is in force. A null Ending Date is open-ended; Business Central requires a
 * Starting Date, and a null one here is read as "since always".
 */
export type AltAddressDateRange = { altAddressCode: string; startingDate: string | null; endingDate: string | null };

/**
 * The code of the alternative address in force on `date` (ISO `YYYY-MM-DD`), Contact.ActiveAltAddress
 * (§2.6): among the ranges whose Starting Date is on or before the date and whose Ending Date is
 * on or after it or blank, the one with the latest Starting Date; '' when none is. Overlapping
 * ranges are allowed — the later start wins. Starting Date is a range's key in Business Central;
 * should two ranges start on the same day anyway, the first one given wins.
 */
export function activeAltAddressCode(ranges: readonly AltAddressDateRange[], date: string): string {
  let best: AltAddressDateRange | undefined;
  for (const range of ranges) {
    const start = range.startingDate ?? '';
    if (start > date) continue;
    if (range.endingDate !== null && range.endingDate !== '' && range.endingDate < date) continue;
    if (best === undefined || start > (best.startingDate ?? '')) best = range;
  }
  return best?.altAddressCode ?? '';
}

/**
 * The date rule of a range (table 5052): an Ending Date, when given, may not be before the
 * Starting Date (the same day is a one-day range). Throws `validation_failed` on `endingDate`.
 */
export function checkAltAddressDateRange(range: AltAddressDateRange): void {
  if (range.startingDate !== null && range.endingDate !== null && range.endingDate !== '' && range.endingDate < range.startingDate) {
    throw new RapportError('validation_failed', 'Ending Date must be after Starting Date.', {
      fields: [{ path: 'endingDate', message: 'Ending Date must be after Starting Date.' }],
    });
  }
}
