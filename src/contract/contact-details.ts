import { z } from 'zod';
import { isValidEmail, isValidPhoneNo } from '../domain/contact/fields';
import { code, isoDate, text } from './common';

const email = text(80).refine((value) => value === '' || isValidEmail(value), 'Not a valid e-mail address.');
const phone = text(30).refine((value) => value === '' || isValidPhoneNo(value), 'A phone number may not contain letters.');

/** Contact Alt. Address (§2.6) as written by a client. */
export const altAddressBodySchema = z
  .strictObject({
    companyName: text(100).default(''),
    companyName2: text(50).default(''),
    address: text(100).default(''),
    address2: text(50).default(''),
    postCode: code(20).default(''),
    city: text(30).default(''),
    county: text(30).default(''),
    countryRegionCode: code(10).default(''),
    phoneNo: phone.default(''),
    mobilePhoneNo: phone.default(''),
    faxNo: phone.default(''),
    email: email.default(''),
    homePage: text(255).default(''),
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
  .refine((range) => range.endingDate === null || range.endingDate >= range.startingDate, {
    message: 'The ending date must not be before the starting date.',
    path: ['endingDate'],
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
