import { RapportError } from './errors';

export type SalutationType = 'formal' | 'informal';
/** Salutation Formula's Name 1..5 options: which contact field a placeholder %1..%5 shows ('' = none). */
export type SalutationNamePart = '' | 'jobTitle' | 'firstName' | 'middleName' | 'surname' | 'initials' | 'companyName';
type FiveParts = [SalutationNamePart, SalutationNamePart, SalutationNamePart, SalutationNamePart, SalutationNamePart];

/** Salutation Formula (§12), keyed by Salutation Code + Language Code + Salutation Type. */
export type SalutationFormula = { salutationCode: string; languageCode: string; salutationType: SalutationType; salutation: string; nameParts: FiveParts };
export type SalutationContact = { no: string; salutationCode: string; jobTitle: string; firstName: string; middleName: string; surname: string; initials: string; companyName: string };

/** GetSalutation returns Text[260]. */
const MAX_SALUTATION_LENGTH = 260;
const typeCaption = (type: SalutationType) => (type === 'formal' ? 'Formal' : 'Informal');
/** Codes are upper-cased in Business Central, so "enu" finds the ENU formula. */
const codeOf = (value: string) => value.trim().toUpperCase();

/**
 * Business Central's GetSalutation (§12) for a contact, a salutation type and a language.
 *
 * The formula is looked up exactly by the contact's Salutation Code, `languageCode` and `type`: a
 * blank-language row is used only when `languageCode` is blank — there is no fallback to it.
 * Missing → `salutation_formula_missing` with BC's message; a blank Salutation text → `validation_failed`.
 *
 * Each placeholder %1..%5 shows the contact field its Name 1..5 names. Business Central deletes
 * "%i " for an empty value, so "Dear Mr. %1 %2 %3," with no surname gives "Dear Mr. John ,".
 * Improved: every empty placeholder takes one neighbouring space with it, before or after, runs of
 * spaces collapse and the ends are trimmed, so "Dear Mr. John,". The
 * substitution is one pass, as StrSubstNo's: a name containing "%2" stays as typed. The result is
 * cut to 260 characters.
 */
export function getSalutation(contact: SalutationContact, formulas: readonly SalutationFormula[], type: SalutationType, languageCode: string): string {
  const language = codeOf(languageCode);
  const formula = formulas.find(
    (candidate) =>
      codeOf(candidate.salutationCode) === codeOf(contact.salutationCode) && codeOf(candidate.languageCode) === language && candidate.salutationType === type,
  );
  if (!formula) {
    throw new RapportError(
      'salutation_formula_missing',
      `You have to set up the salutation formula of the type ${typeCaption(type)} in ${language || 'blank'} language for the ${contact.no} contact.`,
      { details: { contactNo: contact.no, salutationCode: contact.salutationCode, languageCode: language, type } },
    );
  }
  if (formula.salutation.trim() === '') {
    throw new RapportError(
      'validation_failed',
      `Salutation must have a value in Salutation Formula: Salutation Code=${formula.salutationCode}, Language Code=${formula.languageCode}, Salutation Type=${typeCaption(type)}. It cannot be zero or empty.`,
      { fields: [{ path: 'salutation', message: 'Required.' }] },
    );
  }

  const values = formula.nameParts.map((part) => (part === '' ? '' : contact[part].trim()));
  let text = formula.salutation;
  values.forEach((value, index) => {
    if (value !== '') return;
    const placeholder = `%${index + 1}`;
    // Every occurrence of an empty placeholder goes, each with one neighbouring space (BC: the
    // following one only, and only the first occurrence).
    text = text.replace(new RegExp(`${placeholder} | ?${placeholder}`, 'g'), '');
  });
  text = text.replace(/%([1-5])/g, (_match, digit: string) => values[Number(digit) - 1] ?? '');
  return text.replace(/ {2,}/g, ' ').trim().slice(0, MAX_SALUTATION_LENGTH);
}

/** Business Central's demo salutation codes that every tenant starts with. */
export const DEFAULT_SALUTATIONS: readonly { code: string; description: string }[] = [
  { code: 'COMPANY', description: 'Company' },
  { code: 'F', description: 'Female Married or Unmarried' },
  { code: 'M', description: 'Male Married or Unmarried' },
  { code: 'UNISEX', description: 'Unisex' },
];

const N = (a: SalutationNamePart = '', b: SalutationNamePart = '', c: SalutationNamePart = '', d: SalutationNamePart = '', e: SalutationNamePart = ''): FiveParts => [a, b, c, d, e];

type Form = { salutation: string; nameParts: FiveParts };
type LanguageForms = { company: Form; female: Form; male: Form; unisex: Form; informal: Form };

const fullName = N('firstName', 'middleName', 'surname');
const form = (salutation: string, nameParts: FiveParts = fullName): Form => ({ salutation, nameParts });

/** Business Central's ENU demo formulas, also its blank-language rows. */
const ENGLISH: LanguageForms = {
  company: form('Dear Sirs,', N()),
  female: form('Dear Ms. %1 %2 %3,'),
  male: form('Dear Mr. %1 %2 %3,'),
  unisex: form('Dear %1 %2 %3,'),
  informal: form('Hi %1,', N('firstName')),
};

/**
 * The forms of address letters in each language really use. Business Central's demo data has ENU,
 * DAN and DEU (and no Nordic languages but Danish); where its forms are dated we use today's:
 * - Swedish, Norwegian, Danish, Finnish: no titles, "Dear" + full name; Swedish "Bästa" fits anyone.
 * - Dutch: "Geachte heer/mevrouw" + the name without first name — Middle Name holds a
 *   tussenvoegsel ("de", "van der") as the name split (§2.5) leaves it, and is shown as typed.
 * - German: "Sehr geehrte Frau / Sehr geehrter Herr" + surname only (DIN 5008; a second given
 *   name in Middle Name must not appear); "Guten Tag" + full name is the gender-neutral form.
 */
const FORMS: Record<string, LanguageForms> = {
  '': ENGLISH,
  ENU: ENGLISH,
  SVE: {
    company: form('Till den det berör,', N()),
    female: form('Bästa %1 %2 %3,'),
    male: form('Bästa %1 %2 %3,'),
    unisex: form('Bästa %1 %2 %3,'),
    informal: form('Hej %1,', N('firstName')),
  },
  NOR: {
    company: form('Til den det gjelder,', N()),
    female: form('Kjære %1 %2 %3,'),
    male: form('Kjære %1 %2 %3,'),
    unisex: form('Kjære %1 %2 %3,'),
    informal: form('Hei %1,', N('firstName')),
  },
  DAN: {
    company: form('Til rette vedkommende,', N()),
    female: form('Kære %1 %2 %3,'),
    male: form('Kære %1 %2 %3,'),
    unisex: form('Kære %1 %2 %3,'),
    informal: form('Hej %1,', N('firstName')),
  },
  FIN: {
    company: form('Hyvä vastaanottaja,', N()),
    female: form('Hyvä %1 %2 %3,'),
    male: form('Hyvä %1 %2 %3,'),
    unisex: form('Hyvä %1 %2 %3,'),
    informal: form('Hei %1,', N('firstName')),
  },
  NLD: {
    company: form('Geachte heer, mevrouw,', N()),
    female: form('Geachte mevrouw %1 %2,', N('middleName', 'surname')),
    male: form('Geachte heer %1 %2,', N('middleName', 'surname')),
    unisex: form('Geachte %1 %2 %3,'),
    informal: form('Beste %1,', N('firstName')),
  },
  DEU: {
    company: form('Sehr geehrte Damen und Herren,', N()),
    female: form('Sehr geehrte Frau %1,', N('surname')),
    male: form('Sehr geehrter Herr %1,', N('surname')),
    unisex: form('Guten Tag %1 %2 %3,'),
    informal: form('Hallo %1,', N('firstName')),
  },
};

/**
 * Formal and informal formulas for every default salutation in the blank language (English, as in
 * Business Central's demo company) and ENU, SVE, NOR, DAN, FIN, NLD and DEU. A company's informal
 * salutation is its name, "%1," with Company Name, in every language, as in Business Central.
 */
export const DEFAULT_SALUTATION_FORMULAS: readonly SalutationFormula[] = Object.entries(FORMS).flatMap(([languageCode, forms]) => {
  const formula = (salutationCode: string, salutationType: SalutationType, { salutation, nameParts }: Form): SalutationFormula => ({
    salutationCode,
    languageCode,
    salutationType,
    salutation,
    nameParts,
  });
  return [
    formula('COMPANY', 'formal', forms.company),
    formula('COMPANY', 'informal', form('%1,', N('companyName'))),
    formula('F', 'formal', forms.female),
    formula('F', 'informal', forms.informal),
    formula('M', 'formal', forms.male),
    formula('M', 'informal', forms.informal),
    formula('UNISEX', 'formal', forms.unisex),
    formula('UNISEX', 'informal', forms.informal),
  ];
});
