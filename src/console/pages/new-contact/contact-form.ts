import type { ContactCreateBody } from '../../../contract/contacts';
import type { FieldProblem } from '../../../contract/problem';

export type ContactType = 'company' | 'person';

/** A field the new-contact form offers. */
export type FormField =
  | 'name'
  | 'name2'
  | 'firstName'
  | 'middleName'
  | 'surname'
  | 'companyNo'
  | 'jobTitle'
  | 'vatRegistrationNo'
  | 'address'
  | 'address2'
  | 'postCode'
  | 'city'
  | 'county'
  | 'countryRegionCode'
  | 'phoneNo'
  | 'mobilePhoneNo'
  | 'email'
  | 'email2'
  | 'homePage'
  | 'salespersonCode'
  | 'territoryCode'
  | 'languageCode';

export type FormGroup = 'general' | 'address' | 'communication' | 'sales';

/** Fields chosen from a list the service keeps (the blank choice: Marketing Setup's default). */
export const CHOICE_FIELDS: Readonly<Partial<Record<FormField, 'salespeople' | 'territory' | 'language' | 'countryRegion'>>> = {
  salespersonCode: 'salespeople',
  territoryCode: 'territory',
  languageCode: 'language',
  countryRegionCode: 'countryRegion',
};

/**
 * The form's fields by group for each type, as Business Central's Contact Card has them: a company
 * by its names and VAT number, a person by the parts of the name, its company and job title.
 */
export function formGroups(type: ContactType): readonly { group: FormGroup; fields: readonly FormField[] }[] {
  return [
    { group: 'general', fields: type === 'company' ? ['name', 'name2', 'vatRegistrationNo'] : ['firstName', 'middleName', 'surname', 'companyNo', 'jobTitle'] },
    { group: 'address', fields: ['address', 'address2', 'postCode', 'city', 'county', 'countryRegionCode'] },
    { group: 'communication', fields: type === 'company' ? ['phoneNo', 'mobilePhoneNo', 'email', 'homePage'] : ['phoneNo', 'mobilePhoneNo', 'email', 'email2'] },
    { group: 'sales', fields: ['salespersonCode', 'territoryCode', 'languageCode'] },
  ];
}

export type FormValues = Partial<Record<FormField, string>>;

/** Why the form will not send what was typed (the service's own checks come back as problems). */
export type LocalProblem = 'nameNeeded' | 'personNameNeeded';

/**
 * What saving sends: the type, and each field of the type's form that was filled in, trimmed.
 * Blank fields are left out rather than sent empty: a field sent when creating a person wins over
 * what the company hands down and stays the person's own (docs/decisions.md), and a blank one
 * should take the company's or the setup's value instead. Fields typed for the other type (a
 * company name before switching to person) are not sent.
 */
export function bodyToSend(type: ContactType, values: FormValues): ContactCreateBody {
  const body: Record<string, string> = { type };
  for (const { fields } of formGroups(type)) {
    for (const field of fields) {
      const value = (values[field] ?? '').trim();
      if (value !== '') body[field] = value;
    }
  }
  return body as ContactCreateBody;
}

/** The fields that must be filled before anything is sent: a company's name, a person's first name or surname. */
export function localProblems(type: ContactType, values: FormValues): Partial<Record<FormField, LocalProblem>> {
  const filled = (field: FormField) => (values[field] ?? '').trim() !== '';
  if (type === 'company') return filled('name') ? {} : { name: 'nameNeeded' };
  return filled('firstName') || filled('surname') ? {} : { surname: 'personNameNeeded' };
}

const FORM_FIELDS: ReadonlySet<string> = new Set(formGroups('company').concat(formGroups('person')).flatMap((group) => group.fields));

/**
 * The service's problems that belong to a field of the form, by field; a person's name problem
 * (the service checks Name, built from its parts) goes to the surname.
 */
export function problemsByField(type: ContactType, problems: readonly FieldProblem[]): Partial<Record<FormField, string>> {
  const byField: Partial<Record<FormField, string>> = {};
  for (const problem of problems) {
    const path = type === 'person' && problem.path === 'name' ? 'surname' : problem.path;
    if (FORM_FIELDS.has(path) && byField[path as FormField] === undefined) byField[path as FormField] = problem.message;
  }
  return byField;
}
