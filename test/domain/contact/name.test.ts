import { buildPersonName, nextSearchName, splitPersonName } from '../../../src/domain/contact/name';

describe('splitPersonName (§2.5)', () => {
  test.each([
    ['one word is the first name', 'Madonna', 'Madonna', '', ''],
    ['two words are first name and surname', 'John Smith', 'John', '', 'Smith'],
    ['three words are first, middle and surname', 'John Paul Smith', 'John', 'Paul', 'Smith'],
    ['Business Central’s example: more words keep the last two apart', 'Anna Maria de la Cruz', 'Anna Maria de', 'la', 'Cruz'],
    ['four words put the first two in the first name', 'Jan Willem van Dijk', 'Jan Willem', 'van', 'Dijk'],
    ['runs of spaces count as one', '  Anna   Maria  Lind ', 'Anna', 'Maria', 'Lind'],
    ['tabs and non-breaking spaces separate words too', 'Anna\tMaria\u00a0Lind', 'Anna', 'Maria', 'Lind'],
    ['non-Latin names split the same way', 'Åsa Söderström', 'Åsa', '', 'Söderström'],
    ['a blank name leaves all parts blank', '   ', '', '', ''],
  ])('%s', (_title, name, firstName, middleName, surname) => {
    expect(splitPersonName(name)).toEqual({ firstName, middleName, surname });
  });

  test.each([
    ['a surname over 30 characters is cut to 30', `Anna ${'S'.repeat(35)}`, { firstName: 'Anna', middleName: '', surname: 'S'.repeat(30) }],
    ['a middle name over 30 characters is cut to 30', `Anna ${'M'.repeat(31)} Lind`, { firstName: 'Anna', middleName: 'M'.repeat(30), surname: 'Lind' }],
    ['a single word over 30 characters is cut to 30', 'F'.repeat(40), { firstName: 'F'.repeat(30), middleName: '', surname: '' }],
    ['a first name cut right after a word loses the dangling space', `${'A'.repeat(29)} Bo Carl Dahl Eklund`, { firstName: 'A'.repeat(29), middleName: 'Dahl', surname: 'Eklund' }],
    ['a first name cut inside a word keeps the start of it', `${'A'.repeat(25)} Bertil Carl Dahl`, { firstName: `${'A'.repeat(25)} Bert`, middleName: 'Carl', surname: 'Dahl' }],
  ])('%s, as Business Central cuts', (_title, name, parts) => {
    expect(splitPersonName(name)).toEqual(parts);
  });
});

describe('buildPersonName', () => {
  test.each([
    ['joins all three parts', { firstName: 'John', middleName: 'Paul', surname: 'Smith' }, 'John Paul Smith'],
    ['skips a blank middle name', { firstName: 'John', middleName: '', surname: 'Smith' }, 'John Smith'],
    ['skips a blank first name', { firstName: '', middleName: '', surname: 'Smith' }, 'Smith'],
    ['trims the parts', { firstName: ' John ', middleName: ' ', surname: 'Smith ' }, 'John Smith'],
    ['gives a blank name for blank parts', { firstName: '', middleName: '', surname: '' }, ''],
    ['rebuilds Business Central’s example', { firstName: 'Anna Maria de', middleName: 'la', surname: 'Cruz' }, 'Anna Maria de la Cruz'],
  ])('%s', (_title, parts, name) => {
    expect(buildPersonName(parts)).toBe(name);
  });

  test.each(['Anna Maria de la Cruz', 'John Smith', 'Madonna', 'Jan Willem van Dijk'])('splitting and rebuilding "%s" gives it back', (name) => {
    expect(buildPersonName(splitPersonName(name))).toBe(name);
  });
});

describe('nextSearchName', () => {
  test.each([
    ['follows the name while blank', 'Contoso', '', 'Fabrikam', 'FABRIKAM'],
    ['follows the name while it is still the upper-cased old name', 'Contoso', 'CONTOSO', 'Contoso AB', 'CONTOSO AB'],
    ['keeps a search name the user set', 'Contoso', 'CONTOSO SWEDEN', 'Contoso AB', 'CONTOSO SWEDEN'],
    ['follows a name that only changes case', 'contoso', 'CONTOSO', 'Contoso', 'CONTOSO'],
    ['upper-cases letters of any script', 'Müller', 'MÜLLER', 'Müller & Söhne', 'MÜLLER & SÖHNE'],
    ['is cut at 100 characters', 'A', 'A', 'b'.repeat(120), 'B'.repeat(100)],
    ['becomes blank with a blank name', 'Contoso', 'CONTOSO', '', ''],
    ['starts from a new contact’s blank name', '', '', 'Anna Lind', 'ANNA LIND'],
  ])('%s', (_title, oldName, oldSearchName, newName, expected) => {
    expect(nextSearchName(oldName, oldSearchName, newName)).toBe(expected);
  });
});
