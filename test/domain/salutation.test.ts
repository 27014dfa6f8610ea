import { DEFAULT_SALUTATION_FORMULAS, DEFAULT_SALUTATIONS, getSalutation, type SalutationContact, type SalutationFormula } from '../../src/domain/salutation';
import { rapportErrorOf } from './rapport-error';

const john: SalutationContact = { no: 'CT000123', salutationCode: 'M', jobTitle: 'Buyer', firstName: 'John', middleName: '', surname: 'Smith', initials: 'JS', companyName: 'Fabrikam' };
const formula = (salutationCode: string, languageCode: string, salutationType: 'formal' | 'informal', salutation: string, parts: string[]): SalutationFormula => ({
  salutationCode,
  languageCode,
  salutationType,
  salutation,
  nameParts: [...parts, '', '', '', '', ''].slice(0, 5) as SalutationFormula['nameParts'],
});
const formulas = [
  formula('M', 'ENU', 'formal', 'Dear Mr. %1 %2 %3,', ['firstName', 'middleName', 'surname']),
  formula('M', 'ENU', 'informal', 'Hi %1,', ['firstName']),
  formula('M', '', 'formal', 'Hello %1,', ['firstName']),
  formula('COMPANY', 'ENU', 'formal', 'Dear Sirs,', []),
  formula('COMPANY', 'ENU', 'informal', '%1,', ['companyName']),
];

describe("Business Central's salutations", () => {
  test.each([
    ['the worked example drops the missing middle name', john, 'formal', 'ENU', 'Dear Mr. John Smith,'],
    ['the informal formula greets by first name', john, 'informal', 'ENU', 'Hi John,'],
    ['a middle name is used when there is one', { ...john, middleName: 'Paul' }, 'formal', 'ENU', 'Dear Mr. John Paul Smith,'],
    ['improved: a missing surname leaves no stray space', { ...john, surname: '' }, 'formal', 'ENU', 'Dear Mr. John,'],
    ['improved: only a surname reads naturally', { ...john, firstName: '' }, 'formal', 'ENU', 'Dear Mr. Smith,'],
    ['a company formal salutation', { ...john, salutationCode: 'COMPANY' }, 'formal', 'ENU', 'Dear Sirs,'],
    ['a company informal salutation uses the company name', { ...john, salutationCode: 'COMPANY' }, 'informal', 'ENU', 'Fabrikam,'],
    ['a blank language uses the blank-language row', john, 'formal', '', 'Hello John,'],
  ] as const)('%s', (_case, contact, type, language, expected) => {
    expect(getSalutation(contact, formulas, type, language)).toBe(expected);
  });

  test('there is no fallback to the blank-language row: a missing formula is an error with BC’s message', () => {
    const error = rapportErrorOf(() => getSalutation(john, formulas, 'formal', 'DEU'));
    expect(error.code).toBe('salutation_formula_missing');
    expect(error.message).toBe('You have to set up the salutation formula of the type Formal in DEU language for the CT000123 contact.');
  });

  test('an empty salutation text is refused', () => {
    expect(rapportErrorOf(() => getSalutation(john, [formula('M', 'ENU', 'formal', ' ', [])], 'formal', 'ENU')).code).toBe('validation_failed');
  });

  test('the result is at most 260 characters', () => {
    const long = { ...john, firstName: 'x'.repeat(300) };
    expect(getSalutation(long, formulas, 'informal', 'ENU')).toHaveLength(260);
  });
});

describe('the default salutations', () => {
  test.each(['ENU', 'SVE', 'NOR', 'DAN', 'FIN', 'NLD', 'DEU'])('every salutation has a formal and an informal formula in %s', (language) => {
    for (const { code } of DEFAULT_SALUTATIONS) {
      for (const type of ['formal', 'informal'] as const) {
        expect(DEFAULT_SALUTATION_FORMULAS.some((f) => f.salutationCode === code && f.languageCode === language && f.salutationType === type)).toBe(true);
      }
    }
  });

  test.each([
    ['DEU', 'M', 'formal', { firstName: 'Hans', middleName: '', surname: 'Weber' }, 'Sehr geehrter Herr Weber,'],
    ['DEU', 'F', 'formal', { firstName: 'Anna', middleName: '', surname: 'Schmidt' }, 'Sehr geehrte Frau Schmidt,'],
    ['NLD', 'M', 'formal', { firstName: 'Jan', middleName: 'de', surname: 'Vries' }, 'Geachte heer de Vries,'],
    ['SVE', 'UNISEX', 'informal', { firstName: 'Åsa', middleName: '', surname: 'Lind' }, 'Hej Åsa,'],
    ['ENU', 'UNISEX', 'formal', { firstName: 'Kim', middleName: '', surname: 'Lee' }, 'Dear Kim Lee,'],
  ] as const)('in %s, %s %s reads %s', (language, code, type, names, expected) => {
    expect(getSalutation({ ...john, ...names, salutationCode: code }, DEFAULT_SALUTATION_FORMULAS, type, language)).toBe(expected);
  });
});
