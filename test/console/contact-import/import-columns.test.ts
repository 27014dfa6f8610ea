import { choiceProblems, mappingOf, proposeColumns, readCsvStart } from '../../../src/console/pages/contact-import/import-columns';

describe('the start of a CSV file', () => {
  test('gives its columns and first row, a byte order mark dropped', () => {
    expect(readCsvStart('\uFEFFname,city,E-mail\r\nFabrikam,Seattle,sales@fabrikam.com\r\nContoso,Redmond,\r\n', true)).toEqual({
      delimiter: ',',
      columns: ['name', 'city', 'E-mail'],
      firstRow: ['Fabrikam', 'Seattle', 'sales@fabrikam.com'],
    });
  });

  test('takes a semicolon when the header has more of them than commas outside quotes', () => {
    expect(readCsvStart('Firma;"Ort, Land";E-post\nNordlys AB;"Göteborg, SE";info@nordlys.example\n', true)).toEqual({
      delimiter: ';',
      columns: ['Firma', 'Ort, Land', 'E-post'],
      firstRow: ['Nordlys AB', 'Göteborg, SE', 'info@nordlys.example'],
    });
  });

  test('reads quoted fields with doubled quotes and line breaks, and skips blank lines', () => {
    expect(readCsvStart('name,address\n\n"The ""Best"" AB","Storgatan 1\nBox 12"\n', true)?.firstRow).toEqual(['The "Best" AB', 'Storgatan 1\nBox 12']);
  });

  test('a file without a line break is its header; a row cut off by the end of what was read is left out', () => {
    expect(readCsvStart('name,city', true)).toEqual({ delimiter: ',', columns: ['name', 'city'], firstRow: [] });
    expect(readCsvStart('name,city\nFabrik', false)?.firstRow).toEqual([]);
    expect(readCsvStart('name,city\nFabrikam,Seattle', true)?.firstRow).toEqual(['Fabrikam', 'Seattle']);
  });

  test('an empty file has no header', () => {
    expect(readCsvStart('', true)).toBeNull();
    expect(readCsvStart('\r\n\r\n', true)).toBeNull();
  });
});

describe('the proposed mapping', () => {
  test('is the saved one where the file has its columns, whatever their letter case', () => {
    const saved = { name: 'Firma', city: 'Ort', email: 'E-post', phoneNo: 'Telefon' };
    expect(proposeColumns(['firma', 'ORT', 'E-post', 'Land'], saved)).toEqual({ choices: { firma: 'name', ORT: 'city', 'E-post': 'email', Land: '' }, source: 'saved' });
  });

  test('else each column named as a field, case, spaces, dots and dashes ignored', () => {
    expect(proposeColumns(['No.', 'Name', 'Phone No.', 'e-mail', 'Country Region Code', 'Notes'], null)).toEqual({
      choices: { 'No.': 'no', Name: 'name', 'Phone No.': 'phoneNo', 'e-mail': 'email', 'Country Region Code': 'countryRegionCode', Notes: '' },
      source: 'names',
    });
    // A saved mapping none of whose columns this file has proposes by names too.
    expect(proposeColumns(['name'], { name: 'Firma' }).source).toBe('names');
  });
});

test('a field chosen twice, or no column that identifies a row, keeps the mapping from being sent', () => {
  expect(choiceProblems({ Firma: 'name', Namn: 'name', Ort: 'city' })).toEqual([{ kind: 'twice', field: 'name', columns: ['Firma', 'Namn'] }]);
  expect(choiceProblems({ Ort: 'city', Notes: '' })).toEqual([{ kind: 'noIdentifying' }]);
  expect(choiceProblems({ Id: 'externalId', Ort: 'city' })).toEqual([]);
  expect(mappingOf({ Firma: 'name', Ort: 'city', Notes: '' })).toEqual({ name: 'Firma', city: 'Ort' });
});
