import { z } from 'zod';
import { ADDRESS_FIELDS, COMMUNICATION_FIELDS, SIMPLE_INHERITED_FIELDS } from '../domain/contact/contact';
import { CONTACT_FIELD_LENGTHS } from '../domain/contact/fields';
import { isValidEmail, isValidPhoneNo } from '../domain/contact/fields';
import { code, page, text } from './common';

const lengthOf = (field: string): number => {
  const length = CONTACT_FIELD_LENGTHS[field];
  if (length === undefined) throw new Error(`No length is defined for contact field ${field}.`);
  return length;
};
const textField = (field: string) => text(lengthOf(field));
const codeField = (field: string) => code(lengthOf(field));
const emailField = (field: string) =>
  textField(field).refine((value) => value === '' || isValidEmail(value), 'Not a valid e-mail address.');
const phoneField = (field: string) =>
  textField(field).refine((value) => value === '' || isValidPhoneNo(value), 'A phone number may not contain letters.');

export const contactTypeSchema = z.enum(['company', 'person']);
export const correspondenceTypeSchema = z.enum(['', 'hardCopy', 'email']);

/** The fields a client may write on create and update (everything but derived ones). */
const writableContactFields = {
  type: contactTypeSchema,
  name: textField('name'),
  name2: textField('name2'),
  searchName: codeField('searchName'),
  companyNo: codeField('companyNo'),
  firstName: textField('firstName'),
  middleName: textField('middleName'),
  surname: textField('surname'),
  initials: textField('initials'),
  jobTitle: textField('jobTitle'),
  organizationalLevelCode: codeField('organizationalLevelCode'),
  address: textField('address'),
  address2: textField('address2'),
  postCode: codeField('postCode'),
  city: textField('city'),
  county: textField('county'),
  countryRegionCode: codeField('countryRegionCode'),
  phoneNo: phoneField('phoneNo'),
  mobilePhoneNo: phoneField('mobilePhoneNo'),
  faxNo: phoneField('faxNo'),
  telexNo: textField('telexNo'),
  telexAnswerBack: textField('telexAnswerBack'),
  pager: textField('pager'),
  extensionNo: textField('extensionNo'),
  email: emailField('email'),
  email2: emailField('email2'),
  homePage: textField('homePage'),
  salespersonCode: codeField('salespersonCode'),
  territoryCode: codeField('territoryCode'),
  languageCode: codeField('languageCode'),
  formatRegion: textField('formatRegion'),
  currencyCode: codeField('currencyCode'),
  salutationCode: codeField('salutationCode'),
  correspondenceType: correspondenceTypeSchema,
  vatRegistrationNo: codeField('vatRegistrationNo'),
  registrationNumber: textField('registrationNumber'),
  excludeFromSegment: z.boolean(),
  privacyBlocked: z.boolean(),
  minor: z.boolean(),
  parentalConsentReceived: z.boolean(),
  externalId: codeField('externalId'),
};

export type WritableContactField = keyof typeof writableContactFields;
export const WRITABLE_CONTACT_FIELDS = Object.keys(writableContactFields) as WritableContactField[];

/** Every field optional; `type` defaults to company, `no` to the next number of the contact series. */
export const contactCreateSchema = z
  .strictObject({
    no: code(20).describe('A typed number; needs Manual Nos. on the contact series. Blank: the next number.'),
    ...writableContactFields,
  })
  .partial()
  .meta({ id: 'ContactCreate' });

/** A person field that can come from its company (§2.3 a). */
export const inheritableFieldSchema = z.enum([...SIMPLE_INHERITED_FIELDS, ...ADDRESS_FIELDS, ...COMMUNICATION_FIELDS, 'correspondenceType']);

const inheritanceChoice = z.array(inheritableFieldSchema).min(1).max(32);

/** The fields a choice touches: an address field stands for the whole Address Details block, which moves as one. */
const withAddressBlock = (fields: readonly string[]): Set<string> =>
  new Set(fields.some((field) => (ADDRESS_FIELDS as readonly string[]).includes(field)) ? [...fields, ...ADDRESS_FIELDS] : fields);

export const contactPatchSchema = z
  .strictObject({
    ...writableContactFields,
    inheritFromCompany: inheritanceChoice.describe(
      '"Inherit again", for a person of a company: these fields take the company\'s current value and follow it from now on. An address field brings the whole address block. Each needs its Marketing Setup flag.',
    ),
    stopInheriting: inheritanceChoice.describe(
      '"Stop inheriting", for a person of a company: these fields keep their value and no longer follow the company (an address field: the whole address block). Writing a field does the same.',
    ),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'Name at least one field to change.')
  .superRefine((patch, context) => {
    // A field cannot be both the user's value and the company's in one change.
    const stopped = withAddressBlock(patch.stopInheriting ?? []);
    (patch.inheritFromCompany ?? []).forEach((field, index) => {
      const block = withAddressBlock([field]);
      const written = [...block].find((each) => each in patch);
      if (written !== undefined) context.addIssue({ code: 'custom', path: ['inheritFromCompany', index], message: `${written} is written in the same change.` });
      else if ([...block].some((each) => stopped.has(each))) context.addIssue({ code: 'custom', path: ['inheritFromCompany', index], message: 'Also named in stopInheriting.' });
    });
  })
  .meta({ id: 'ContactPatch' });

export type ContactCreateBody = z.output<typeof contactCreateSchema>;
export type ContactPatchBody = z.output<typeof contactPatchSchema>;

export const businessRelationSummarySchema = z.enum(['none', 'customer', 'vendor', 'bankAccount', 'employee', 'other', 'multiple']);

export const contactSchema = z
  .object({
    no: z.string(),
    ...(Object.fromEntries(WRITABLE_CONTACT_FIELDS.map((key) => [key, z.string()])) as Record<WritableContactField, z.ZodString>),
    type: contactTypeSchema,
    correspondenceType: correspondenceTypeSchema,
    excludeFromSegment: z.boolean(),
    privacyBlocked: z.boolean(),
    minor: z.boolean(),
    parentalConsentReceived: z.boolean(),
    companyName: z.string(),
    inheritedFields: z.array(z.string()).describe('Person fields whose value still follows the company.'),
    businessRelation: businessRelationSummarySchema,
    lastModified: z.string(),
  })
  .meta({ id: 'Contact' });

export const duplicateCandidateSchema = z
  .object({
    contactNo: z.string(),
    name: z.string(),
    type: contactTypeSchema,
    noOfMatchingStrings: z.number().int(),
    exactMatches: z.array(z.enum(['email', 'phone'])),
    separateContacts: z.boolean(),
  })
  .meta({ id: 'DuplicateCandidate' });

export const contactWriteReplySchema = z.object({
  contact: contactSchema,
  /** Likely duplicates found by the automatic search (when Marketing Setup enables it). */
  duplicates: z.array(duplicateCandidateSchema),
  /** Informational messages, e.g. "The No. Series CONT is soon running out". */
  warnings: z.array(z.string()),
});

export const contactListQuerySchema = z.strictObject({
  email: z.string().trim().max(254).optional().describe('Finds contacts by primary e-mail, e-mail 2 and alternative-address e-mail.'),
  q: z.string().trim().max(100).optional().describe('Search: number or name prefix, or e-mail.'),
  type: contactTypeSchema.optional(),
  companyNo: code(20).optional(),
  salespersonCode: code(20).optional(),
  territoryCode: code(10).optional(),
  businessRelationCode: code(10)
    .optional()
    .describe("Contacts whose company — or the contact itself, when it has no company — has this business relation; Marketing Setup's code for customers gives the customers' contacts."),
  city: text(30).optional().describe('The city, in any letter case.'),
  countryRegionCode: code(10).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: z.string().max(20).optional().describe('The `next` of the previous page.'),
});

export const contactPageSchema = page(contactSchema);
export const contactNoParams = z.strictObject({ no: code(20) });
