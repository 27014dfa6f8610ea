import { RapportError } from './errors';

export type SalutationType = 'formal' | 'informal';
export type SalutationNamePart = '' | 'jobTitle' | 'firstName' | 'middleName' | 'surname' | 'initials' | 'companyName';
type FiveParts = [SalutationNamePart, SalutationNamePart, SalutationNamePart, SalutationNamePart, SalutationNamePart];

/** Salutation Formula (§12): a text with %1..%5 and which contact field each placeholder shows. */
export type SalutationFormula = { salutationCode: string; languageCode: string; salutationType: SalutationType; salutation: string; nameParts: FiveParts };
export type SalutationContact = { no: string; salutationCode: string; jobTitle: string; firstName: string; middleName: string; surname: string; initials: string; companyName: string };

const MAX_SALUTATION_LENGTH = 260;
const typeCaption = (type: SalutationType) => (type === 'formal' ? 'Formal' : 'Informal');

/**
 * Business Central's GetSalutation (§12). The formula is looked up exactly: a blank-language row
 * is used only for a blank language. Empty placeholders are removed with one adjacent space —
 * also when no space follows them (Business Central leaves "Dear Mr. John ," there) — and runs of
 * spaces collapse, so a missing name part never leaves a gap.
 */
export function getSalutation(contact: SalutationContact, formulas: readonly SalutationFormula[], type: SalutationType, languageCode: string): string {
  const formula = formulas.find(
    (candidate) => candidate.salutationCode === contact.salutationCode && candidate.languageCode === languageCode && candidate.salutationType === type,
  );
  if (!formula) {
    throw new RapportError(
      'salutation_formula_missing',
      `You have to set up the salutation formula of the type ${typeCaption(type)} in ${languageCode || 'blank'} language for the ${contact.no} contact.`,
      { details: { salutationCode: contact.salutationCode, languageCode, type } },
    );
  }
  if (formula.salutation.trim() === '') {
    throw new RapportError('validation_failed', `Salutation must have a value in the ${typeCaption(type)} formula of ${formula.salutationCode}.`);
  }
  const value = (part: SalutationNamePart) => (part === '' ? '' : contact[part].trim());
  let text = formula.salutation;
  formula.nameParts.forEach((part, index) => {
    const placeholder = `%${index + 1}`;
    const replacement = value(part);
    if (replacement === '') {
      // Take one neighbouring space with the empty placeholder: the following one, else the preceding one.
      text = text.replace(new RegExp(`${placeholder} |\\s?${placeholder}(?!\\d)`), '');
    } else {
      text = text.replaceAll(new RegExp(`${placeholder}(?!\\d)`, 'g'), () => replacement);
    }
  });
  return text.replace(/ {2,}/g, ' ').trim().slice(0, MAX_SALUTATION_LENGTH);
}

export const DEFAULT_SALUTATIONS: readonly { code: string; description: string }[] = [
  { code: 'COMPANY', description: 'Company' },
  { code: 'F', description: 'Female, married or unmarried' },
  { code: 'M', description: 'Male, married or unmarried' },
  { code: 'UNISEX', description: 'Unisex' },
];

const N = (a: SalutationNamePart = '', b: SalutationNamePart = '', c: SalutationNamePart = '', d: SalutationNamePart = '', e: SalutationNamePart = ''): FiveParts => [a, b, c, d, e];

type LanguageForms = {
  companyFormal: string;
  femaleFormal: string;
  maleFormal: string;
  unisexFormal: string;
  informal: string;
};

/**
 * Forms of address per language. Swedish, Norwegian, Danish and Finnish business letters use the
 * neutral first-name or full-name greeting; Dutch and German keep the formal title + surname.
 */
const FORMS: Record<string, LanguageForms> = {
  ENU: { companyFormal: 'Dear Sirs,', femaleFormal: 'Dear Ms. %1 %2 %3,', maleFormal: 'Dear Mr. %1 %2 %3,', unisexFormal: 'Dear %1 %2 %3,', informal: 'Hi %1,' },
  SVE: { companyFormal: 'Till %1,', femaleFormal: 'Bästa %1 %2 %3,', maleFormal: 'Bäste %1 %2 %3,', unisexFormal: 'Hej %1 %2 %3,', informal: 'Hej %1,' },
  NOR: { companyFormal: 'Til %1,', femaleFormal: 'Kjære %1 %2 %3,', maleFormal: 'Kjære %1 %2 %3,', unisexFormal: 'Hei %1 %2 %3,', informal: 'Hei %1,' },
  DAN: { companyFormal: 'Til %1,', femaleFormal: 'Kære %1 %2 %3,', maleFormal: 'Kære %1 %2 %3,', unisexFormal: 'Kære %1 %2 %3,', informal: 'Hej %1,' },
  FIN: { companyFormal: 'Hyvä vastaanottaja,', femaleFormal: 'Hyvä %1 %2 %3,', maleFormal: 'Hyvä %1 %2 %3,', unisexFormal: 'Hyvä %1 %2 %3,', informal: 'Hei %1,' },
  NLD: { companyFormal: 'Geachte heer/mevrouw,', femaleFormal: 'Geachte mevrouw %2 %3,', maleFormal: 'Geachte heer %2 %3,', unisexFormal: 'Geachte %1 %2 %3,', informal: 'Beste %1,' },
  DEU: { companyFormal: 'Sehr geehrte Damen und Herren,', femaleFormal: 'Sehr geehrte Frau %2 %3,', maleFormal: 'Sehr geehrter Herr %2 %3,', unisexFormal: 'Guten Tag %1 %2 %3,', informal: 'Hallo %1,' },
};

/** Formulas for every default salutation in ENU, SVE, NOR, DAN, FIN, NLD and DEU. */
export const DEFAULT_SALUTATION_FORMULAS: readonly SalutationFormula[] = Object.entries(FORMS).flatMap(([languageCode, forms]) => {
  const person = N('firstName', 'middleName', 'surname');
  const formula = (salutationCode: string, salutationType: SalutationType, salutation: string, nameParts: FiveParts): SalutationFormula => ({
    salutationCode,
    languageCode,
    salutationType,
    salutation,
    nameParts,
  });
  return [
    formula('COMPANY', 'formal', forms.companyFormal, N('companyName')),
    formula('COMPANY', 'informal', '%1,', N('companyName')),
    formula('F', 'formal', forms.femaleFormal, person),
    formula('F', 'informal', forms.informal, N('firstName')),
    formula('M', 'formal', forms.maleFormal, person),
    formula('M', 'informal', forms.informal, N('firstName')),
    formula('UNISEX', 'formal', forms.unisexFormal, person),
    formula('UNISEX', 'informal', forms.informal, N('firstName')),
  ];
});
