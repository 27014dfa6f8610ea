import { z } from 'zod';
import { ALT_ADDRESS_FIELD_LENGTHS } from '../domain/contact/alt-address';
import { isValidEmail, isValidPhoneNo } from '../domain/contact/fields';
import { code, isoDate, text } from './common';

const L = ALT_ADDRESS_FIELD_LENGTHS;
const email = text(L.email).refine((value) => value === '' || isValidEmail(value), 'Not a valid e-mail address.');
const phone = (max: number) => text(max).refine((value) => value === '' || isValidPhoneNo(value), 'A phone number may not contain letters.');

/** Contact Alt. Address (§2.6) as written by a client. */
export const altAddressBodySchema = z
  .strictObject({
    companyName: text(L.companyName).default(''),
    companyName2: text(L.companyName2).default(''),
    address: text(L.address).default(''),
    address2: text(L.address2).default(''),
    postCode: code(L.postCode).default(''),
    city: text(L.city).default(''),
    county: text(L.county).default(''),
    countryRegionCode: code(L.countryRegionCode).default(''),
    phoneNo: phone(L.phoneNo).default(''),
    mobilePhoneNo: phone(L.mobilePhoneNo).default(''),
    faxNo: phone(L.faxNo).default(''),
    email: email.default(''),
    homePage: text(L.homePage).default(''),
  })
  .meta({ id: 'AltAddressBody' });

export const altAddressSchema = z
  .object({
    code: z.string(),
    companyName: z.string(),
    companyName2: z.string(),
    address: z.string(),
    address2: z.string(),
    postCode: z.string(),
    city: z.string(),
    county: z.string(),
    countryRegionCode: z.string(),
    phoneNo: z.string(),
    mobilePhoneNo: z.string(),
    faxNo: z.string(),
    email: z.string(),
    homePage: z.string(),
  })
  .meta({ id: 'AltAddress' });

export const altAddressDateRangeSchema = z
  .strictObject({
    altAddressCode: code(10).refine((value) => value !== '', 'Required.'),
    startingDate: isoDate,
    endingDate: isoDate.nullable().default(null),
  })
  .meta({ id: 'AltAddressDateRange' });

export const altAddressesReplySchema = z.object({
  items: z.array(altAddressSchema),
  dateRanges: z.array(z.object({ altAddressCode: z.string(), startingDate: z.string(), endingDate: z.string().nullable() })),
  /** The alternative address in force on `date` (default today): '' when none. */
  activeCode: z.string(),
});

export const salutationQuerySchema = z.strictObject({
  type: z.enum(['formal', 'informal']).default('formal'),
  languageCode: code(10).optional().describe("Default: the contact's language."),
});
