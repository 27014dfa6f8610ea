import { z } from 'zod';
import { isValidEmail, isValidPhoneNo } from '../domain/contact/fields';
import { code, text } from './common';

const email = text(80).refine((value) => value === '' || isValidEmail(value), 'Not a valid e-mail address.');
const phone = text(30).refine((value) => value === '' || isValidPhoneNo(value), 'A phone number may not contain letters.');

export const accountKindSchema = z.enum(['customer', 'vendor', 'bankAccount']);

const accountFields = {
  name: text(100),
  name2: text(50),
  address: text(100),
  address2: text(50),
  postCode: code(20),
  city: text(30),
  county: text(30),
  countryRegionCode: code(10),
  phoneNo: phone,
  mobilePhoneNo: phone,
  faxNo: phone,
  email,
  homePage: text(255),
  territoryCode: code(10),
  languageCode: code(10),
  formatRegion: text(80),
  currencyCode: code(10),
  vatRegistrationNo: code(20),
  registrationNumber: text(20),
  salespersonCode: code(20).describe('Customer: salesperson; vendor: purchaser; bank account: our contact.'),
};

/** A customer, vendor or bank account created directly; blank fields may be left out. */
export const accountCreateSchema = z
  .strictObject({ no: code(20).optional(), ...Object.fromEntries(Object.entries(accountFields).map(([key, schema]) => [key, schema.default('')])) } as {
    no: z.ZodOptional<ReturnType<typeof code>>;
  } & { [K in keyof typeof accountFields]: z.ZodDefault<(typeof accountFields)[K]> })
  .meta({ id: 'AccountCreate' });

export const accountPatchSchema = z
  .strictObject({ ...accountFields, primaryContactNo: code(20) })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Name at least one field to change.')
  .meta({ id: 'AccountPatch' });

export const accountSchema = z
  .object({ no: z.string(), primaryContactNo: z.string(), ...Object.fromEntries(Object.keys(accountFields).map((key) => [key, z.string()])) })
  .meta({ id: 'Account' });

export const contactBusinessRelationSchema = z
  .object({ contactNo: z.string(), businessRelationCode: z.string(), linkToTable: z.enum(['', 'customer', 'vendor', 'bankAccount', 'employee']), no: z.string() })
  .meta({ id: 'ContactBusinessRelation' });

export const linkBodySchema = z.strictObject({
  kind: accountKindSchema,
  no: code(20).refine((value) => value !== '', 'Required.'),
  currentMasterFields: z.enum(['contact', 'account']).describe('Whose fields win where they differ.'),
});
