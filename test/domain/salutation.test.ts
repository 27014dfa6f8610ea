import {
  DEFAULT_SALUTATION_FORMULAS,
  DEFAULT_SALUTATIONS,
  getSalutation,
  type SalutationContact,
  type SalutationFormula,
  type SalutationNamePart,
  type SalutationType,
} from '../../src/domain/salutation';
import { rapportErrorOf } from './rapport-error';

const john: SalutationContact = {
  no: 'CT000123',
  salutationCode: 'M',
  jobTitle: 'Buyer',
  firstName: 'John',
  middleName: '',
  surname: 'Smith',
  initials: 'JS',
  companyName: 'Fabrikam',
};
const fabrikam: SalutationContact = { ...john, no: 'CT000001', salutationCode: 'COMPANY', firstName: '', surname: '', initials: '', jobTitle: '' };

const formula = (salutationCode: string, languageCode: string, salutationType: SalutationType, salutation: string, parts: SalutationNamePart[] = []): SalutationFormula => ({
  salutationCode,
  languageCode,
  salutationType,
  salutation,
  nameParts: [parts[0] ?? '', parts[1] ?? '', parts[2] ?? '', parts[3] ?? '', parts[4] ?? ''],
});
const formulas = [
  formula('M', 'ENU', 'formal', 'Dear Mr. %1 %2 %3,', ['firstName', 'middleName', 'surname']),
  formula('M', 'ENU', 'informal', 'Hi %1,', ['firstName']),
  formula('M', '', 'formal', 'Hello %1,', ['firstName']),
  formula('COMPANY', 'ENU', 'formal', 'Dear Sirs,'),
  formula('COMPANY', 'ENU', 'informal', '%1,', ['companyName']),
];

describe("Business Central's GetSalutation", () => {
  test.each([
    ['the worked example drops the missing middle name', john, 'formal', 'ENU', 'Dear Mr. John Smith,'],
    ['the informal formula greets by first name', john, 'informal', 'ENU', 'Hi John,'],
    ['a middle name is shown when there is one', { ...john, middleName: 'Paul' }, 'formal', 'ENU', 'Dear Mr. John Paul Smith,'],
    ['a company formal salutation has no name', fabrikam, 'formal', 'ENU', 'Dear Sirs,'],
    ['a company informal salutation is the company name', fabrikam, 'informal', 'ENU', 'Fabrikam,'],
    ['the language code is a code: enu finds ENU', john, 'informal', 'enu', 'Hi John,'],
    ['a blank language uses the blank-language row', john, 'formal', '', 'Hello John,'],
  ] as const)('%s', (_case, contact, type, language, expected) => {
    expect(getSalutation(contact, formulas, type, language)).toBe(expected);
  });

  test.each([
    ['a missing surname leaves no stray space (BC gives "Dear Mr. John ,")', { ...john, surname: '' }, 'Dear Mr. John,'],
    ['a missing first name leaves no gap', { ...john, firstName: '' }, 'Dear Mr. Smith,'],
    ['with no name at all only the words of the formula remain', { ...john, firstName: '', surname: '' }, 'Dear Mr.,'],
    ['surrounding spaces of a name are ignored', { ...john, firstName: '  John ', middleName: ' ' }, 'Dear Mr. John Smith,'],
    ['a name containing a placeholder is not substituted again', { ...john, firstName: '%3' }, 'Dear Mr. %3 Smith,'],
  ])('improved: %s', (_case, contact, expected) => {
    expect(getSalutation(contact, formulas, 'formal', 'ENU')).toBe(expected);
  });

  test.each([
    ['a placeholder used twice, empty, goes both times', 'Re: %1 %2 / %2 x', ['firstName', 'middleName'], 'Re: John / x'],
    ['a placeholder used twice, filled, is filled both times', '%1, dear %1', ['firstName'], 'John, dear John'],
    ['a placeholder without a name part is removed', 'Dear %1 %4,', ['firstName'], 'Dear John,'],
    ['job title and initials can be shown', 'Dear %1 %2 %3,', ['jobTitle', 'initials', 'surname'], 'Dear Buyer JS Smith,'],
    ['doubled spaces in the text collapse', 'Dear  %1,', ['firstName'], 'Dear John,'],
  ] as const)('%s', (_case, text, parts, expected) => {
    expect(getSalutation(john, [formula('M', 'ENU', 'formal', text, [...parts])], 'formal', 'ENU')).toBe(expected);
  });

  test('the result is cut to 260 characters', () => {
    expect(getSalutation({ ...john, firstName: 'x'.repeat(300) }, formulas, 'informal', 'ENU')).toHaveLength(260);
  });

  test.each([
    ['another language has no formula', john, 'formal', 'DEU', 'You have to set up the salutation formula of the type Formal in DEU language for the CT000123 contact.'],
    ['there is no fallback from a language to the blank-language row', john, 'informal', 'SVE', 'You have to set up the salutation formula of the type Informal in SVE language for the CT000123 contact.'],
    ['there is no fallback from blank to another language', { ...john, salutationCode: 'COMPANY' }, 'formal', '', 'You have to set up the salutation formula of the type Formal in blank language for the CT000123 contact.'],
    ['the salutation code has no formulas', { ...john, salutationCode: 'F' }, 'formal', 'ENU', 'You have to set up the salutation formula of the type Formal in ENU language for the CT000123 contact.'],
  ] as const)('a missing formula is refused with salutation_formula_missing: %s', (_case, contact, type, language, message) => {
    const error = rapportErrorOf(() => getSalutation(contact, formulas, type, language));
    expect(error.code).toBe('salutation_formula_missing');
    expect(error.message).toBe(message);
  });

  test('an empty salutation text is refused with validation_failed', () => {
    const error = rapportErrorOf(() => getSalutation(john, [formula('M', 'ENU', 'formal', ' ')], 'formal', 'ENU'));
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain('Salutation must have a value in Salutation Formula');
  });
});

describe('the default salutations', () => {
  const languages = ['', 'ENU', 'SVE', 'NOR', 'DAN', 'FIN', 'NLD', 'DEU'];

  test.each(languages.map((language) => [language || 'blank', language]))(
    'every default salutation has one formal and one informal formula in the %s language',
    (_caption, language) => {
      for (const { code } of DEFAULT_SALUTATIONS) {
        for (const type of ['formal', 'informal'] as const) {
          const matching = DEFAULT_SALUTATION_FORMULAS.filter((f) => f.salutationCode === code && f.languageCode === language && f.salutationType === type);
          expect(matching).toHaveLength(1);
        }
      }
    },
  );

  test('the defaults are exactly the salutations and languages set up, no more', () => {
    expect(DEFAULT_SALUTATIONS.map((s) => s.code)).toEqual(['COMPANY', 'F', 'M', 'UNISEX']);
    expect(DEFAULT_SALUTATION_FORMULAS).toHaveLength(DEFAULT_SALUTATIONS.length * languages.length * 2);
  });

  test('every default formula fits Business Central\'s Text[50] and uses only the placeholders it names', () => {
    for (const f of DEFAULT_SALUTATION_FORMULAS) {
      expect(f.salutation.length).toBeLessThanOrEqual(50);
      const used = [...f.salutation.matchAll(/%([1-5])/g)].map((m) => Number(m[1]));
      expect(used.every((i) => f.nameParts[i - 1] !== '')).toBe(true);
    }
  });

  const person = (salutationCode: string, firstName: string, middleName: string, surname: string): SalutationContact => ({
    ...john,
    salutationCode,
    firstName,
    middleName,
    surname,
  });

  // [language, type, contact, expected]; the title names the contact by salutation code and name.
  const greetings: readonly (readonly [string, SalutationType, SalutationContact, string])[] = [
    ['ENU', 'formal', person('M', 'John', '', 'Smith'), 'Dear Mr. John Smith,'],
    ['ENU', 'formal', person('F', 'Anna', '', 'Lee'), 'Dear Ms. Anna Lee,'],
    ['ENU', 'formal', person('UNISEX', 'Kim', '', 'Lee'), 'Dear Kim Lee,'],
    ['ENU', 'formal', fabrikam, 'Dear Sirs,'],
    ['ENU', 'informal', fabrikam, 'Fabrikam,'],
    ['blank', 'informal', person('UNISEX', 'Kim', '', 'Lee'), 'Hi Kim,'],
    ['SVE', 'informal', person('UNISEX', 'Åsa', '', 'Lind'), 'Hej Åsa,'],
    ['SVE', 'formal', person('M', 'Erik', '', 'Lind'), 'Bästa Erik Lind,'],
    ['SVE', 'formal', fabrikam, 'Till den det berör,'],
    ['NOR', 'formal', person('F', 'Ingrid', '', 'Berg'), 'Kjære Ingrid Berg,'],
    ['NOR', 'informal', person('M', 'Ola', '', 'Nordmann'), 'Hei Ola,'],
    ['DAN', 'formal', person('M', 'Jens', '', 'Hansen'), 'Kære Jens Hansen,'],
    ['DAN', 'formal', fabrikam, 'Til rette vedkommende,'],
    ['FIN', 'formal', person('UNISEX', 'Matti', '', 'Virtanen'), 'Hyvä Matti Virtanen,'],
    ['FIN', 'formal', fabrikam, 'Hyvä vastaanottaja,'],
    ['NLD', 'formal', person('M', 'Jan', '', 'Jansen'), 'Geachte heer Jansen,'],
    ['NLD', 'formal', person('F', 'Els', 'Van', 'Dijk'), 'Geachte mevrouw Van Dijk,'],
    ['NLD', 'formal', person('UNISEX', 'Sam', 'de', 'Vries'), 'Geachte Sam de Vries,'],
    ['NLD', 'formal', fabrikam, 'Geachte heer, mevrouw,'],
    ['DEU', 'formal', person('M', 'Hans', 'Peter', 'Weber'), 'Sehr geehrter Herr Weber,'],
    ['DEU', 'formal', person('F', 'Anna', '', 'Schmidt'), 'Sehr geehrte Frau Schmidt,'],
    ['DEU', 'formal', person('UNISEX', 'Kim', '', 'Schmidt'), 'Guten Tag Kim Schmidt,'],
    ['DEU', 'informal', person('M', 'Hans', '', 'Weber'), 'Hallo Hans,'],
    ['DEU', 'formal', fabrikam, 'Sehr geehrte Damen und Herren,'],
  ];
  const nameOf = (c: SalutationContact) => `${c.salutationCode} ${[c.firstName, c.middleName, c.surname].filter(Boolean).join(' ') || c.companyName}`;

  test.each(greetings.map(([language, type, contact, expected]) => [language, type, nameOf(contact), expected, contact] as const))(
    'in %s, the %s salutation of %s is "%s"',
    (language, type, _name, expected, contact) => {
      expect(getSalutation(contact, DEFAULT_SALUTATION_FORMULAS, type, language === 'blank' ? '' : language)).toBe(expected);
    },
  );
});
