import { Readable } from 'node:stream';
import type { ContactCreateBody } from '../../src/contract/contacts';
import { RapportError } from '../../src/domain/errors';
import type { RequestContext } from '../../src/server/http/route';
import { CsvReader } from '../../src/server/http/csv-reader';
import type { AnyJobHandler } from '../../src/server/jobs/job';
import { JobRunner } from '../../src/server/jobs/job-runner';
import { addRelation } from '../../src/server/modules/business-relations/business-relation-service';
import { contactImportJob, FIRST_STEP_ROWS, nextStepRows, RUN_STEP } from '../../src/server/modules/contact-import/import-job';
import { createContact } from '../../src/server/modules/contacts/contact-service';
import { tenantWriteDb } from '../../src/server/modules/sync/sync-repository';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';
import type { TestUser } from '../helpers/tokens';

type Upload = { status: number; body: any; headers: Record<string, unknown> };

/** The service's CSV read back with the service's own reader: header first, then the rows' cells. */
function readCsv(text: string): string[][] {
  const reader = new CsvReader();
  return [...reader.push(text.replace(/^\uFEFF/, '')), ...reader.end()].map((record) => record.fields);
}

type EquivalenceRow = {
  refused: boolean;
  externalId: string;
  type: 'company' | 'person';
  name: string;
  address: string;
  postCode: string;
  city: string;
  phoneNo: string;
  mobilePhoneNo: string;
  email: string;
  jobTitle: string;
  salespersonCode: string;
  businessRelationCode: string;
  companyNo: string;
};

/**
 * 400 companies with four persons each, seeded: a company's persons come before or after it in
 * the file; some companies copy an earlier one's name and address (pairs by the hit %) or its
 * phone, some persons share an e-mail (exact pairs); some companies name an unknown salesperson
 * and are refused with their persons; some have a business relation.
 */
function equivalenceRows(): EquivalenceRow[] {
  let state = 20250305;
  const random = (n: number) => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const stems = ['Nordic', 'Fjord', 'Baltic', 'Alpine', 'Granite', 'Birch', 'Harbor', 'Aurora', 'Polar', 'Coastal', 'Timber', 'Copper'];
  const trades = ['Logistics', 'Foods', 'Systems', 'Tools', 'Textiles', 'Energy', 'Media', 'Marine'];
  const forms = ['AB', 'AS', 'Oy', 'GmbH', 'BV'];
  const cities = [['Oslo', '0150'], ['Bergen', '5003'], ['Malmö', '211 20'], ['Umeå', '903 26'], ['Espoo', '02100'], ['Aarhus', '8000'], ['Utrecht', '3511'], ['Köln', '50667']];
  const streets = ['Storgatan', 'Kungsgatan', 'Havnegata', 'Mannerheimintie', 'Hauptstraße', 'Dorpsstraat'];
  const firstNames = ['Anna', 'Erik', 'Ingrid', 'Lars', 'Mette', 'Jukka', 'Sanne', 'Klaus', 'Sofia', 'Nils', 'Aino', 'Pieter'];
  const surnames = ['Lindqvist', 'Berg', 'Hansen', 'Virtanen', 'de Vries', 'Schmidt', 'Nygaard', 'Holm', 'Korhonen', 'Jansen'];
  const blank = { refused: false, address: '', postCode: '', city: '', phoneNo: '', mobilePhoneNo: '', email: '', jobTitle: '', salespersonCode: '', businessRelationCode: '', companyNo: '' };
  const companies: EquivalenceRow[] = [];
  const rows: EquivalenceRow[] = [];
  for (let i = 0; i < 400; i++) {
    const name = `${stems[i % 12]} ${trades[Math.floor(i / 12) % 8]} ${forms[Math.floor(i / 96) % 5]}`;
    const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
    const [city, postCode] = cities[random(cities.length)]!;
    let company: EquivalenceRow = {
      ...blank,
      externalId: `C-${i}`,
      type: 'company',
      name,
      address: `${streets[random(streets.length)]} ${1 + random(90)}`,
      postCode: postCode!,
      city: city!,
      phoneNo: `+46 8 ${String(100000 + i * 7)}`,
      email: `info@${slug}.example`,
      salespersonCode: ['AL', 'EB', ''][random(3)]!,
      businessRelationCode: i % 11 === 0 ? 'PROS' : '',
    };
    const earlier = companies[i - 7];
    if (earlier && i % 20 === 19) company = { ...company, name: `${earlier.name}.`, address: earlier.address, postCode: earlier.postCode, city: earlier.city };
    if (earlier && i % 37 === 36) company = { ...company, phoneNo: earlier.phoneNo };
    if (i % 97 === 50) company = { ...company, refused: true, salespersonCode: 'ZZ' };
    companies.push(company);
    const persons: EquivalenceRow[] = [];
    for (let k = 0; k < 4; k++) {
      const first = firstNames[random(firstNames.length)]!;
      const last = surnames[random(surnames.length)]!;
      const sharesEmail = k === 3 && i % 6 === 0;
      persons.push({
        ...blank,
        refused: company.refused,
        externalId: `P-${i}-${k}`,
        type: 'person',
        name: `${first} ${last}`,
        email: sharesEmail ? persons[0]!.email : `${first}.${last.replace(/ /g, '')}${k}@${slug}.example`.toLowerCase(),
        mobilePhoneNo: random(2) === 0 ? `+47 9${String(1000000 + i * 4 + k)}` : '',
        jobTitle: ['Buyer', 'CEO', '', 'Sales Manager'][random(4)]!,
        companyNo: company.externalId,
      });
    }
    if (i % 2 === 0) rows.push(company, ...persons);
    else rows.push(...persons, company);
  }
  return rows;
}

const EQUIVALENCE_COLUMNS = ['externalId', 'type', 'name', 'address', 'postCode', 'city', 'phoneNo', 'mobilePhoneNo', 'email', 'jobTitle', 'salespersonCode', 'businessRelationCode', 'companyNo'] as const;

const csvOf = (rows: readonly EquivalenceRow[]) =>
  [EQUIVALENCE_COLUMNS.join(','), ...rows.map((row) => EQUIVALENCE_COLUMNS.map((column) => row[column]).join(','))].join('\r\n');

describe('the run\'s steps', () => {
  test('take as many rows as the last full step\'s pace fits into the engine\'s target, at most twice as many, within the bounds', () => {
    expect(nextStepRows('postgres', 100, RUN_STEP.postgres.targetMs / 4)).toBe(200);
    expect(nextStepRows('postgres', 800, RUN_STEP.postgres.targetMs / 4)).toBe(RUN_STEP.postgres.maxRows);
    expect(nextStepRows('postgres', 400, RUN_STEP.postgres.targetMs * 2)).toBe(200);
    expect(nextStepRows('pglite', 400, RUN_STEP.pglite.targetMs / 10)).toBe(RUN_STEP.pglite.maxRows);
    expect(nextStepRows('pglite', 100, RUN_STEP.pglite.targetMs * 1.25)).toBe(80);
    expect(nextStepRows('pglite', 20, 60_000)).toBe(10);
    expect(nextStepRows('postgres', 50, 0)).toBe(100);
    expect(RUN_STEP.pglite.targetMs).toBeLessThan(RUN_STEP.postgres.targetMs);
  });
});

describe.each(testEngines())('contact import on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine);
  });
  afterAll(() => service.close());

  async function upload(
    tenant: TestTenant,
    payload: string | Buffer | Readable,
    options: { contentType?: string; query?: Record<string, string>; as?: TestUser; headers?: Record<string, string> } = {},
  ): Promise<Upload> {
    const search = options.query ? `?${new URLSearchParams(options.query).toString()}` : '';
    const response = await service.app.inject({
      method: 'POST',
      url: `/api/v1/contacts/import${search}`,
      headers: { authorization: `Bearer ${await tenant.token(options.as)}`, 'content-type': options.contentType ?? 'text/csv', ...(options.headers ?? {}) },
      payload,
    });
    return { status: response.statusCode, body: response.body ? JSON.parse(response.body) : undefined, headers: response.headers };
  }

  const rowsOf = async (tenant: TestTenant, id: string, query = '') => (await tenant.request('GET', `/contacts/imports/${id}/rows${query}`)).body.items as any[];
  const contactCount = async (tenant: TestTenant) =>
    Number((await service.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact WHERE tenant_id = $1', [tenant.tenantId]))[0]!.n);
  const stagedCount = async (tenant: TestTenant) =>
    Number((await service.db.query<{ n: number }>('SELECT count(*)::int AS n FROM contact_import WHERE tenant_id = $1', [tenant.tenantId]))[0]!.n);
  const contact = async (tenant: TestTenant, no: string) => (await tenant.request('GET', `/contacts/${no}`)).body;
  const create = async (tenant: TestTenant, body: Record<string, unknown>) => (await tenant.request('POST', '/contacts', { body })).body.contact as { no: string };
  const findByName = async (tenant: TestTenant, name: string) => {
    const rows = await service.db.query<{ no: string }>('SELECT no FROM contact WHERE tenant_id = $1 AND name = $2', [tenant.tenantId, name]);
    return rows.map((row) => row.no);
  };
  async function run(tenant: TestTenant, id: string, body: Record<string, unknown> = {}, timeoutMs?: number) {
    const started = await tenant.request('POST', `/contacts/imports/${id}/run`, { body });
    expect([started.status, started.body.kind]).toEqual([202, 'contact-import']);
    return tenant.waitForJob(started.body.id, timeoutMs !== undefined ? { timeoutMs } : {});
  }

  test('the dry run classifies every row — created, updated by external id or number, unchanged, likely duplicate, refused — and writes no contact; the run does what it said', async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    await tenant.request('PATCH', '/setup/marketing', { body: { defaultTerritoryCode: 'NORDIC' } });
    const fabrikam = await create(tenant, { name: 'Fabrikam AB', externalId: 'F-1', phoneNo: '+46 8 111 111' });
    const contoso = await create(tenant, { name: 'Contoso Oy', city: 'Espoo' });
    const northwind = await create(tenant, { name: 'Northwind Traders', email: 'sales@northwind.example' });
    const before = await contactCount(tenant);

    const file = [
      'Company,External,Number,E-mail,Phone,Seller',
      'Litware Inc,L-1,,info@litware.example,,AL',
      'Fabrikam AB,F-1,,,+46 8 222 222,',
      `Contoso Oy,,${contoso.no},,,`,
      'Northwind,,,Sales@Northwind.example,,',
      'Bad Mail AB,,,not-an-e-mail,,',
      'Nobody Sells AB,,,,,ZZ',
    ].join('\r\n');
    const mapping = { name: 'Company', externalId: 'External', no: 'Number', email: 'E-mail', phoneNo: 'Phone', salespersonCode: 'Seller' };
    const staged = await upload(tenant, file, { query: { mapping: JSON.stringify(mapping) } });
    expect(staged.status).toBe(201);
    expect(staged.body).toMatchObject({
      status: 'staged',
      format: 'csv',
      delimiter: ',',
      columns: ['Company', 'External', 'Number', 'E-mail', 'Phone', 'Seller'],
      mapping,
      mappingSource: 'request',
      rowCount: 6,
      counts: { created: 1, updated: 1, unchanged: 1, duplicate: 1, refused: 2 },
      job: null,
    });
    expect(await contactCount(tenant)).toBe(before);

    const rows = await rowsOf(tenant, staged.body.id);
    expect(rows.map((row) => [row.rowNo, row.outcome, row.contactNo])).toEqual([
      [2, 'created', ''],
      [3, 'updated', fabrikam.no],
      [4, 'unchanged', contoso.no],
      [5, 'duplicate', ''],
      [6, 'refused', ''],
      [7, 'refused', ''],
    ]);
    expect(rows[0].values).toEqual({ Company: 'Litware Inc', External: 'L-1', Number: '', 'E-mail': 'info@litware.example', Phone: '', Seller: 'AL' });
    expect(rows[3].candidates).toEqual([{ contactNo: northwind.no, rowNo: null, name: 'Northwind Traders', type: 'company', noOfMatchingStrings: expect.any(Number), exactMatches: ['email'] }]);
    expect(rows[4].problems).toEqual([{ field: 'email', column: 'E-mail', reason: 'Not a valid e-mail address.' }]);
    expect(rows[5].problems).toEqual([{ field: 'salespersonCode', column: 'Seller', reason: 'There is no salesperson ZZ.' }]);
    const refused = await rowsOf(tenant, staged.body.id, '?outcome=refused&limit=1');
    expect(refused.map((row) => row.rowNo)).toEqual([6]);
    const second = (await tenant.request('GET', `/contacts/imports/${staged.body.id}/rows?outcome=refused&limit=1&after=6`)).body;
    expect([second.items.map((row: { rowNo: number }) => row.rowNo), second.next]).toEqual([[7], null]);

    const job = await run(tenant, staged.body.id);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 4, total: 4 }, outcome: { importId: staged.body.id, created: 1, updated: 1, unchanged: 1, duplicate: 1, refused: 2 } });
    const [litwareNo] = await findByName(tenant, 'Litware Inc');
    expect(await contact(tenant, litwareNo!)).toMatchObject({ no: expect.stringMatching(/^CT\d{6}$/), externalId: 'L-1', salespersonCode: 'AL', territoryCode: 'NORDIC' });
    expect((await contact(tenant, fabrikam.no)).phoneNo).toBe('+46 8 222 222');
    expect(await findByName(tenant, 'Northwind')).toEqual([]);
    expect(await contactCount(tenant)).toBe(before + 1);
    const imported = (await tenant.request('GET', `/contacts/imports/${staged.body.id}`)).body;
    expect(imported).toMatchObject({ status: 'imported', duplicates: 'skip', job: { id: job.id, status: 'succeeded' }, importedAt: expect.any(String) });
    expect((await rowsOf(tenant, staged.body.id)).map((row) => [row.outcome, row.applied])).toEqual([
      ['created', true],
      ['updated', true],
      ['unchanged', true],
      ['duplicate', true],
      ['refused', false],
      ['refused', false],
    ]);
    const again = await tenant.request('POST', `/contacts/imports/${staged.body.id}/run`, { body: {} });
    expect([again.status, again.body.code]).toEqual([409, 'conflict']);
  });

  test('likely duplicates, in the file or among the contacts, are created when the run is told to', async () => {
    const tenant = await service.newTenant();
    await create(tenant, { name: 'Northwind Traders', email: 'sales@northwind.example' });
    const file = 'name,email\nNorthwind,sales@northwind.example\nAlpine Ski House,ski@alpine.example\nAlpine Ski Haus,SKI@alpine.example\n';
    const staged = await upload(tenant, file);
    expect(staged.body.counts).toMatchObject({ created: 1, duplicate: 2 });
    const rows = await rowsOf(tenant, staged.body.id);
    expect(rows[2].candidates).toEqual([{ contactNo: '', rowNo: 3, name: 'Alpine Ski House', type: 'company', noOfMatchingStrings: 0, exactMatches: ['email'] }]);
    const job = await run(tenant, staged.body.id, { duplicates: 'create' });
    expect(job.outcome).toMatchObject({ created: 3, duplicate: 0 });
    expect((await findByName(tenant, 'Northwind')).length).toBe(1);
    expect((await findByName(tenant, 'Alpine Ski Haus')).length).toBe(1);
  });

  test('a semicolon file with a byte order mark, quotes and Nordic letters, read through the saved mapping', async () => {
    const tenant = await service.newTenant();
    expect((await tenant.request('GET', '/contacts/import/mapping')).body).toEqual({ mapping: null, updatedBy: null, updatedAt: null });
    const saved = await tenant.request('PUT', '/contacts/import/mapping', { body: { mapping: { name: 'Firma', city: 'Ort', email: 'E-post', phoneNo: 'Telefon' } } });
    expect(saved.body).toMatchObject({ mapping: { name: 'Firma', city: 'Ort', email: 'E-post', phoneNo: 'Telefon' }, updatedBy: tenant.admin.email });
    expect((await (await service.newTenant()).request('GET', '/contacts/import/mapping')).body.mapping).toBeNull();

    const text = 'firma;Ort;E-post;Telefon;Anteckning\r\n"Ærø Fisk; og ""Skaldyr""";Ærøskøbing;post@aero.example;+45 62 52 00 00;"to\r\nlinjer"\r\n\r\nSmørrebrød ApS;Odense;;;\r\n';
    const staged = await upload(tenant, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), { contentType: 'text/csv; charset=utf-8' });
    expect(staged.status).toBe(201);
    expect(staged.body).toMatchObject({ delimiter: ';', mappingSource: 'saved', mapping: { name: 'firma', city: 'Ort', email: 'E-post', phoneNo: 'Telefon' }, rowCount: 2, counts: { created: 2 } });
    expect((await rowsOf(tenant, staged.body.id)).map((row) => row.rowNo)).toEqual([2, 4]);
    await run(tenant, staged.body.id);
    const [no] = await findByName(tenant, 'Ærø Fisk; og "Skaldyr"');
    expect(await contact(tenant, no!)).toMatchObject({ city: 'Ærøskøbing', email: 'post@aero.example', phoneNo: '+45 62 52 00 00' });
  });

  test('JSON lines: keys named as the fields, numbers read as text, a line that is not an object refused', async () => {
    const tenant = await service.newTenant();
    const lines = [
      JSON.stringify({ name: 'Tailspin Toys', externalId: 'T-1', postCode: 12345, city: 'Malmö', unknownKey: 'ignored' }),
      '{"name": "broken"',
      JSON.stringify({ type: 'person', name: 'Lena Holm', companyName: 'T-1', email: 'lena@tailspin.example' }),
      JSON.stringify({ name: { first: 'nested' } }),
    ].join('\n');
    const staged = await upload(tenant, lines, { contentType: 'application/x-ndjson' });
    expect(staged.status).toBe(201);
    expect(staged.body).toMatchObject({ format: 'jsonLines', delimiter: null, mappingSource: 'columnNames', counts: { created: 2, refused: 2 } });
    expect(staged.body.columns).toEqual(['name', 'externalId', 'postCode', 'city', 'unknownKey', 'type', 'companyName', 'email']);
    const rows = await rowsOf(tenant, staged.body.id);
    expect(rows.map((row) => [row.rowNo, row.outcome, row.problems])).toEqual([
      [1, 'created', []],
      [2, 'refused', [{ field: '', column: '', reason: 'The line is not valid JSON.' }]],
      [3, 'created', []],
      [4, 'refused', [{ field: 'name', column: 'name', reason: 'Not a text, a number or true/false.' }]],
    ]);
    await run(tenant, staged.body.id);
    const [company] = await findByName(tenant, 'Tailspin Toys');
    const [person] = await findByName(tenant, 'Lena Holm');
    expect(await contact(tenant, company!)).toMatchObject({ postCode: '12345', city: 'Malmö' });
    expect(await contact(tenant, person!)).toMatchObject({ type: 'person', companyNo: company, companyName: 'Tailspin Toys', city: 'Malmö' });
  });

  test('companies before persons: a person may come before its company row and name it by external id, name or number; what cannot be linked is refused', async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    const existing = await create(tenant, { name: 'Wide World Importers', city: 'Bergen' });
    const file = [
      'type,name,company,externalId,city,phoneNo,salespersonCode,businessRelationCode',
      'person,Kim Ek,N-1,,,,,',
      'person,Eva Berg,nordlys as,,,+47 900 00 000,,',
      `person,Ola Dahl,${existing.no},,,,,`,
      'person,Per Lund,No Such Company,,,,,',
      'person,Siv Moe,N-1,,,,,PROS',
      'company,Nordlys AS,,N-1,Oslo,+47 22 00 00 00,AL,PROS',
      'company,Twin AS,,,,,,',
      'company,Twin AS,,,,,,',
      'person,Tor Twin,Twin AS,,,,,',
    ].join('\n');
    const staged = await upload(tenant, file, { query: { mapping: JSON.stringify({ type: 'type', name: 'name', companyName: 'company', externalId: 'externalId', city: 'city', phoneNo: 'phoneNo', salespersonCode: 'salespersonCode', businessRelationCode: 'businessRelationCode' }) } });
    expect(staged.status).toBe(201);
    const rows = await rowsOf(tenant, staged.body.id);
    expect(rows.map((row) => [row.rowNo, row.outcome, row.problems.map((problem: { field: string; reason: string }) => `${problem.field}: ${problem.reason}`)])).toEqual([
      [2, 'created', []],
      [3, 'created', []],
      [4, 'created', []],
      [5, 'refused', ['companyName: There is no company "No Such Company" in the file or among the contacts (by number, external id or name).']],
      [6, 'refused', ['businessRelationCode: Business relations belong to the company: put the code on the company row.']],
      [7, 'created', []],
      [8, 'created', []],
      [9, 'created', []],
      [10, 'refused', ['companyName: "Twin AS" names several companies (row 8, row 9); use the number or the external id.']],
    ]);

    const job = await run(tenant, staged.body.id);
    expect(job.outcome).toMatchObject({ created: 6, duplicate: 0, refused: 3 });
    const [nordlys] = await findByName(tenant, 'Nordlys AS');
    const relations = (await tenant.request('GET', `/contacts/${nordlys}/business-relations`)).body;
    expect(relations.items ?? relations).toEqual([expect.objectContaining({ businessRelationCode: 'PROS' })]);
    const kim = await contact(tenant, (await findByName(tenant, 'Kim Ek'))[0]!);
    expect(kim).toMatchObject({ companyNo: nordlys, companyName: 'Nordlys AS', city: 'Oslo', phoneNo: '+47 22 00 00 00', salespersonCode: 'AL' });
    expect(kim.inheritedFields).toEqual(expect.arrayContaining(['city', 'phoneNo', 'salespersonCode']));
    const eva = await contact(tenant, (await findByName(tenant, 'Eva Berg'))[0]!);
    expect(eva).toMatchObject({ companyNo: nordlys, phoneNo: '+47 900 00 000' });
    expect(eva.inheritedFields).not.toContain('phoneNo');
    expect(await contact(tenant, (await findByName(tenant, 'Ola Dahl'))[0]!)).toMatchObject({ companyNo: existing.no, city: 'Bergen' });
    expect(Number(kim.no.slice(2))).toBeGreaterThan(Number(nordlys!.slice(2)));
  });

  test('a person names its company by an external id or a number in any letter case, as both are codes', async () => {
    const tenant = await service.newTenant();
    const stored = await create(tenant, { name: 'Wide World Importers', externalId: 'wwi-3' });
    const file = [
      'type,name,company,externalId',
      'company,Acme Oy,,acme-7',
      'person,Kim Ek,acme-7,',
      'person,Eva Berg,wwi-3,',
      `person,Ola Dahl,${stored.no.toLowerCase()},`,
      'person,Per Lund,ACME-7,',
    ].join('\n');
    const staged = await upload(tenant, file, { query: { mapping: JSON.stringify({ type: 'type', name: 'name', companyName: 'company', externalId: 'externalId' }) } });
    expect(staged.status).toBe(201);
    const rows = await rowsOf(tenant, staged.body.id);
    expect(rows.map((row) => [row.rowNo, row.outcome, row.problems.map((problem: { reason: string }) => problem.reason)])).toEqual([
      [2, 'created', []],
      [3, 'created', []],
      [4, 'created', []],
      [5, 'created', []],
      [6, 'created', []],
    ]);
    expect((await run(tenant, staged.body.id)).outcome).toMatchObject({ created: 5, refused: 0 });
    const [acme] = await findByName(tenant, 'Acme Oy');
    expect(await contact(tenant, (await findByName(tenant, 'Kim Ek'))[0]!)).toMatchObject({ companyNo: acme });
    expect(await contact(tenant, (await findByName(tenant, 'Eva Berg'))[0]!)).toMatchObject({ companyNo: stored.no });
    expect(await contact(tenant, (await findByName(tenant, 'Ola Dahl'))[0]!)).toMatchObject({ companyNo: stored.no });
    expect(await contact(tenant, (await findByName(tenant, 'Per Lund'))[0]!)).toMatchObject({ companyNo: acme });
    expect(await contact(tenant, stored.no)).toMatchObject({ externalId: 'WWI-3' });
  });

  test('staged imports are kept thirty days, with their rows, unless their run is still going', async () => {
    const tenant = await service.newTenant();
    const old = await upload(tenant, 'name\nOld Oy\n');
    const running = await upload(tenant, 'name\nBusy Oy\n');
    const recent = await upload(tenant, 'name\nNew Oy\n');
    await service.db.query(`UPDATE contact_import SET created_at = now() - interval '31 days' WHERE tenant_id = $1 AND id = ANY($2::uuid[])`, [tenant.tenantId, [old.body.id, running.body.id]]);
    const jobId = '00000000-0000-4000-8000-0000000000c1';
    await service.db.query(
      // Leased by another instance for an hour: this service's runner must not take it over (it would fail it, having no import to run).
      `INSERT INTO job (tenant_id, id, kind, status, params, created_by, lease_owner, lease_until)
       VALUES ($1, $2, 'contact-import', 'running', '{}', '{}', 'another instance', now() + interval '1 hour')`,
      [tenant.tenantId, jobId],
    );
    await service.db.query('UPDATE contact_import SET job_id = $3 WHERE tenant_id = $1 AND id = $2', [tenant.tenantId, running.body.id, jobId]);

    const next = await upload(tenant, 'name\nNext Oy\n');
    const left = await service.db.query<{ id: string }>('SELECT id FROM contact_import WHERE tenant_id = $1', [tenant.tenantId]);
    expect(left.map((row) => row.id).sort()).toEqual([running.body.id, recent.body.id, next.body.id].sort());
    const oldRows = await service.db.query('SELECT 1 FROM contact_import_row WHERE tenant_id = $1 AND import_id = $2', [tenant.tenantId, old.body.id]);
    expect(oldRows).toHaveLength(0);
    expect((await tenant.request('GET', `/contacts/imports/${old.body.id}`)).status).toBe(404);
  });

  test('the same file twice: the second dry run finds every row unchanged and its run creates and changes nothing; an export imports unchanged too', async () => {
    const tenant = await service.newTenant();
    const file = [
      'externalId,type,name,companyName,email,jobTitle',
      'C-1,company,Adatum Corporation,,info@adatum.example,',
      'P-1,person,Ida Strand,C-1,ida@adatum.example,Buyer',
      'P-2,person,Jon Vik,Adatum Corporation,,=Chief',
    ].join('\r\n');
    const first = await upload(tenant, file);
    expect(first.body.counts).toMatchObject({ created: 3 });
    expect((await run(tenant, first.body.id)).outcome).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
    const afterFirst = await service.db.query('SELECT no, last_modified FROM contact WHERE tenant_id = $1 ORDER BY no', [tenant.tenantId]);

    const second = await upload(tenant, file);
    expect(second.body.counts).toEqual({ created: 0, updated: 0, unchanged: 3, duplicate: 0, refused: 0 });
    expect((await run(tenant, second.body.id)).outcome).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(await service.db.query('SELECT no, last_modified FROM contact WHERE tenant_id = $1 ORDER BY no', [tenant.tenantId])).toEqual(afterFirst);

    const exported = await service.app.inject({ method: 'GET', url: '/api/v1/contacts/export', headers: { authorization: `Bearer ${await tenant.token()}` } });
    expect(exported.body).toContain("'=Chief");
    const reimport = await upload(tenant, exported.body);
    expect(reimport.body).toMatchObject({ mappingSource: 'columnNames', counts: { created: 0, updated: 0, unchanged: 3, duplicate: 0, refused: 0 } });

    const changed = await upload(tenant, file.replace('Buyer', 'Head of Buying'));
    expect(changed.body.counts).toMatchObject({ updated: 1, unchanged: 2 });
  });

  test('refused rows come back as CSV in the file’s columns and delimiter with a reason; fixed and uploaded again, they import', async () => {
    const tenant = await service.newTenant();
    const file = 'Name;E-mail;Land\r\nGood AB;good@example.com;SE\r\nBad Mail AB;bad@;SE\r\nNowhere AB;nowhere@example.com;XX\r\n';
    const staged = await upload(tenant, file, { query: { mapping: JSON.stringify({ name: 'Name', email: 'E-mail', countryRegionCode: 'Land' }) } });
    expect(staged.body.counts).toMatchObject({ created: 1, refused: 2 });
    await run(tenant, staged.body.id);

    const download = async (id: string) => service.app.inject({ method: 'GET', url: `/api/v1/contacts/imports/${id}/refused-rows`, headers: { authorization: `Bearer ${await tenant.token()}` } });
    const refused = await download(staged.body.id);
    expect(refused.statusCode).toBe(200);
    expect(refused.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(refused.body.startsWith('\uFEFFreason;Name;E-mail;Land\r\n')).toBe(true);
    expect(readCsv(refused.body)).toEqual([
      ['reason', 'Name', 'E-mail', 'Land'],
      ['E-mail: Not a valid e-mail address.', 'Bad Mail AB', 'bad@', 'SE'],
      ['Land: There is no country/region XX.', 'Nowhere AB', 'nowhere@example.com', 'XX'],
    ]);

    const unfixed = await upload(tenant, refused.body, { query: { mapping: JSON.stringify({ name: 'Name', email: 'E-mail', countryRegionCode: 'Land' }) } });
    expect(unfixed.body.counts).toMatchObject({ refused: 2 });
    expect(readCsv((await download(unfixed.body.id)).body)[0]).toEqual(['reason', 'Name', 'E-mail', 'Land']);

    const fixed = refused.body.replace('bad@;', 'bad@example.com;').replace(';XX', ';NO');
    const again = await upload(tenant, fixed, { query: { mapping: JSON.stringify({ name: 'Name', email: 'E-mail', countryRegionCode: 'Land' }) } });
    expect(again.body.counts).toMatchObject({ created: 2, refused: 0 });
    await run(tenant, again.body.id);
    expect(await contact(tenant, (await findByName(tenant, 'Nowhere AB'))[0]!)).toMatchObject({ countryRegionCode: 'NO' });
  });

  test('the run reports its progress step by step, companies first, and counts every row at the end', async () => {
    const tenant = await service.newTenant();
    const lines = ['type,name,companyName', ...Array.from({ length: 150 }, (_value, index) => `person,Person ${index},Company ${index % 80}`)];
    lines.push(...Array.from({ length: 80 }, (_value, index) => `company,Company ${index},`));
    const staged = await upload(tenant, lines.join('\n'));
    expect(staged.body.counts.created).toBe(230);
    await service.jobs.stop();
    try {
      const started = await tenant.request('POST', `/contacts/imports/${staged.body.id}/run`, { body: {} });
      expect((await tenant.request('GET', `/contacts/imports/${staged.body.id}`)).body).toMatchObject({ status: 'running', job: { id: started.body.id, status: 'queued' } });
      const twice = await tenant.request('POST', `/contacts/imports/${staged.body.id}/run`, { body: {} });
      expect([twice.status, twice.body.details]).toEqual([409, { jobId: started.body.id }]);
      expect((await tenant.request('DELETE', `/contacts/imports/${staged.body.id}`)).status).toBe(409);

      // Each step's progress as the runner commits it (on PGlite a request waits for the steps, so
      // polling would see only the end).
      const steps: { phase: string; done: number; total: number }[] = [];
      const recording: AnyJobHandler = {
        ...contactImportJob,
        async step(input) {
          const result = await contactImportJob.step(input);
          steps.push({ phase: result.state === 'continue' ? (result.checkpoint as { phase: string }).phase : 'done', ...result.progress } as { phase: string; done: number; total: number });
          return result;
        },
      };
      const runner = new JobRunner({ db: service.db, handlers: [recording], log: service.app.log, today: () => new Date().toISOString().slice(0, 10), idleMs: 50 });
      runner.start();
      const job = await tenant.waitForJob(started.body.id);
      await runner.stop();
      expect(job).toMatchObject({ status: 'succeeded', progress: { done: 230, total: 230 }, outcome: { created: 230, refused: 0 } });
      // The 80 companies first, then the 150 persons; the first step takes FIRST_STEP_ROWS rows,
      // the next ones as many as the pace allows, never more than the engine's maximum.
      const companySteps = steps.slice(0, steps.findIndex((step) => step.phase === 'person'));
      expect(companySteps.length).toBeGreaterThanOrEqual(2);
      expect(companySteps.every((step) => step.phase === 'company' && step.total === 230)).toBe(true);
      expect(companySteps[0]!.done).toBe(FIRST_STEP_ROWS);
      expect(companySteps.at(-1)!.done).toBe(80);
      const personSteps = steps.slice(companySteps.length, -1);
      expect(personSteps[0]).toEqual({ phase: 'person', done: 80, total: 230 });
      expect(personSteps.every((step) => step.phase === 'person' && step.total === 230)).toBe(true);
      expect(personSteps.at(-1)!.done).toBe(230);
      expect(steps.at(-1)).toEqual({ phase: 'done', done: 230, total: 230 });
      const sizes = steps.slice(1).map((step, index) => step.done - steps[index]!.done);
      expect(sizes.every((size) => size >= 0 && size <= RUN_STEP[engine].maxRows)).toBe(true);
    } finally {
      service.jobs.start();
    }
    expect(await contactCount(tenant)).toBe(230);
    expect((await tenant.request('GET', `/contacts/imports/${staged.body.id}`)).body.status).toBe('imported');
    const [company] = await findByName(tenant, 'Company 7');
    expect((await tenant.request('GET', `/contacts?companyNo=${company}&type=person`)).body.items.map((person: { name: string }) => person.name)).toEqual(['Person 7', 'Person 87']);
  });

  test(
    'a file of two thousand rows leaves the contacts, numbers, search strings, duplicate pairs and relations that creating its rows one by one leaves',
    async () => {
      const rows = equivalenceRows();
      const setUp = async () => {
        const tenant = await service.newTenant();
        for (const code of ['AL', 'EB']) await tenant.request('PUT', `/salespeople/${code}`, { body: { name: `Salesperson ${code}` } });
        return tenant;
      };
      const imported = await setUp();
      const single = await setUp();

      const staged = await upload(imported, csvOf(rows));
      expect(staged.status).toBe(201);
      const refusedRows = rows.filter((row) => row.refused).length;
      expect(refusedRows).toBeGreaterThan(0);
      expect(staged.body.counts.refused).toBe(refusedRows);
      const job = await run(imported, staged.body.id, { duplicates: 'create' }, 240_000);
      expect(job).toMatchObject({ status: 'succeeded', outcome: { created: rows.length - refusedRows, refused: refusedRows, duplicate: 0 } });

      // One by one through the contact services, in the order the run takes them: companies, then persons, each in file order.
      const ctx: RequestContext = {
        db: tenantWriteDb(service.db, single.tenantId),
        identity: { tenantId: single.tenantId, userId: 'one-by-one', email: single.admin.email ?? '', name: 'Admin', roles: [] },
        log: service.app.log,
        workDate: new Date().toISOString().slice(0, 10),
        currentSalespersonCode: async () => '',
      };
      const numbers = new Map<string, string>();
      for (const type of ['company', 'person'] as const) {
        for (const row of rows.filter((each) => each.type === type)) {
          const { refused, businessRelationCode, companyNo, ...fields } = row;
          const body = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== '')) as ContactCreateBody;
          if (companyNo !== '') {
            if (!numbers.has(companyNo)) continue; // its company was refused: so is the person
            body.companyNo = numbers.get(companyNo)!;
          }
          try {
            const { contact: created } = await createContact(ctx, body);
            numbers.set(row.externalId, created.no);
            if (businessRelationCode !== '') await addRelation(ctx, created.no, businessRelationCode);
            expect(refused).toBe(false);
          } catch (error) {
            if (!(error instanceof RapportError) || !refused) throw error;
          }
        }
      }

      const stored = async (tenant: TestTenant) => {
        const tenantId = tenant.tenantId;
        const contacts = (await service.db.query('SELECT * FROM contact WHERE tenant_id = $1 ORDER BY no', [tenantId])).map(
          ({ tenant_id: _t, created_at: _c, last_modified: _m, sync_version: _v, ...row }) => row,
        );
        const strings = await service.db.query('SELECT contact_no, field, part, search_string FROM contact_duplicate_search_string WHERE tenant_id = $1 ORDER BY 1, 2, 3', [tenantId]);
        const pairs = await service.db.query(
          'SELECT contact_no, duplicate_contact_no, separate_contacts, no_of_matching_strings, exact_matches FROM contact_duplicate WHERE tenant_id = $1 ORDER BY 1, 2',
          [tenantId],
        );
        const relations = await service.db.query('SELECT contact_no, business_relation_code, link_to_table, no FROM contact_business_relation WHERE tenant_id = $1 ORDER BY 1, 2', [tenantId]);
        const lines = (await service.db.query("SELECT * FROM no_series_line WHERE tenant_id = $1 AND series_code = 'CONT' ORDER BY line_no", [tenantId])).map(
          ({ tenant_id: _t, ...line }) => line,
        );
        return { contacts, strings, pairs, relations, lines };
      };
      const expected = await stored(single);
      const actual = await stored(imported);
      // Spot checks first, for a readable failure; then everything.
      expect(actual.contacts.length).toBe(rows.length - refusedRows);
      expect(actual.pairs.length).toBeGreaterThan(20);
      expect(actual.pairs.some((pair) => Number(pair.no_of_matching_strings) > 0)).toBe(true);
      expect(actual.pairs.some((pair) => (pair.exact_matches as string[]).includes('email'))).toBe(true);
      expect(actual.relations.length).toBeGreaterThan(0);
      const personOf = (state: typeof actual) => state.contacts.find((contact) => contact.external_id === 'P-7-2');
      expect(personOf(actual)).toEqual(personOf(expected));
      expect(actual.contacts.map((contact) => [contact.no, contact.external_id])).toEqual(expected.contacts.map((contact) => [contact.no, contact.external_id]));
      expect(actual.pairs).toEqual(expected.pairs);
      expect(actual).toEqual(expected);
    },
    600_000,
  );

  test('a run that failed part-way is started again and goes on with the rows it had not applied', async () => {
    const tenant = await service.newTenant();
    const rowCount = FIRST_STEP_ROWS * 2 + 5;
    const staged = await upload(tenant, ['name', ...Array.from({ length: rowCount }, (_value, index) => `Resumed ${index}`)].join('\n'));
    await service.jobs.stop();
    try {
      let steps = 0;
      const failingSecondStep: AnyJobHandler = {
        ...contactImportJob,
        async step(input) {
          if (steps++ === 1) throw new RapportError('conflict', 'Stopped on purpose.');
          return contactImportJob.step(input);
        },
      };
      const runner = new JobRunner({ db: service.db, handlers: [failingSecondStep], log: service.app.log, today: () => new Date().toISOString().slice(0, 10), idleMs: 50 });
      runner.start();
      const started = await tenant.request('POST', `/contacts/imports/${staged.body.id}/run`, { body: {} });
      const failed = await tenant.waitForJob(started.body.id);
      await runner.stop();
      expect(failed).toMatchObject({ status: 'failed', progress: { done: FIRST_STEP_ROWS, total: rowCount }, error: { code: 'conflict' } });
    } finally {
      service.jobs.start();
    }
    expect((await tenant.request('GET', `/contacts/imports/${staged.body.id}`)).body.status).toBe('staged');
    expect(await contactCount(tenant)).toBe(FIRST_STEP_ROWS);

    const job = await run(tenant, staged.body.id);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: rowCount - FIRST_STEP_ROWS, total: rowCount - FIRST_STEP_ROWS }, outcome: { created: rowCount } });
    expect(await contactCount(tenant)).toBe(rowCount);
  });

  test('the run checks each row again: a row refused then leaves nothing behind, not even a number, and its persons are refused with it', async () => {
    const tenant = await service.newTenant();
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example' } });
    const gone = await create(tenant, { name: 'Gone Soon AB' });
    const file = ['type,name,companyName,salespersonCode', `person,Kim Ek,${gone.no},`, 'company,Blocked Seller AB,,AL', 'person,Eva Berg,Blocked Seller AB,', 'company,Fine AB,,'].join('\n');
    const staged = await upload(tenant, file);
    expect(staged.body.counts).toMatchObject({ created: 4, refused: 0 });
    expect((await tenant.request('DELETE', `/contacts/${gone.no}`)).status).toBe(204);
    await tenant.request('PUT', '/salespeople/AL', { body: { name: 'Anna Lindqvist', email: 'anna@nordlys.example', privacyBlocked: true } });

    const job = await run(tenant, staged.body.id);
    expect(job.outcome).toMatchObject({ created: 1, refused: 3 });
    const rows = await rowsOf(tenant, staged.body.id);
    expect(rows.map((row) => [row.rowNo, row.outcome, row.problems.map((problem: { field: string; reason: string }) => `${problem.field}: ${problem.reason}`)])).toEqual([
      [2, 'refused', [`companyName: Contact ${gone.no} is not a company contact.`]],
      [3, 'refused', ['salespersonCode: Salesperson AL is blocked due to privacy.']],
      [4, 'refused', ['companyName: The company on row 3 was not imported.']],
      [5, 'created', []],
    ]);
    const fine = rows[3].contactNo as string;
    const next = await create(tenant, { name: 'Next AB' });
    expect(Number(next.no.slice(2))).toBe(Number(fine.slice(2)) + 1);
    expect(await findByName(tenant, 'Kim Ek')).toEqual([]);
  });

  test('a row skipped as a copy of an earlier row of its step that is then refused is planned again and created, as in a later step', async () => {
    const tenant = await service.newTenant();
    const gone = await create(tenant, { name: 'Gone Soon AB' });
    const fine = await create(tenant, { name: 'Fine AB' });
    const file = ['type,name,companyNo,email', `person,Kim Ek,${gone.no},kim@example.com`, `person,Kim Ekberg,${fine.no},kim@example.com`].join('\n');
    const staged = await upload(tenant, file);
    expect(staged.body.counts).toMatchObject({ created: 1, duplicate: 1 });
    expect((await rowsOf(tenant, staged.body.id))[1].candidates).toEqual([{ contactNo: '', rowNo: 2, name: 'Kim Ek', type: 'person', noOfMatchingStrings: 0, exactMatches: ['email'] }]);
    expect((await tenant.request('DELETE', `/contacts/${gone.no}`)).status).toBe(204);

    const job = await run(tenant, staged.body.id);
    expect(job).toMatchObject({ progress: { done: 2, total: 2 }, outcome: { created: 1, refused: 1, duplicate: 0 } });
    const rows = await rowsOf(tenant, staged.body.id);
    expect(rows.map((row) => [row.rowNo, row.outcome, row.applied, row.candidates, row.problems.map((problem: { reason: string }) => problem.reason)])).toEqual([
      [2, 'refused', true, [], [`Contact ${gone.no} is not a company contact.`]],
      [3, 'created', true, [], []],
    ]);
    expect(await contact(tenant, rows[1].contactNo)).toMatchObject({ name: 'Kim Ekberg', companyNo: fine.no, email: 'kim@example.com' });
  });

  test('a typed number creates the contact under it while the series takes typed numbers, and is refused when it does not', async () => {
    const tenant = await service.newTenant();
    const first = await upload(tenant, 'no,name\nIMP-1,Typed AB\n');
    expect(first.body.counts).toMatchObject({ created: 1 });
    await run(tenant, first.body.id);
    expect((await contact(tenant, 'IMP-1')).name).toBe('Typed AB');

    const series = (await tenant.request('GET', '/setup/number-series/CONT')).body;
    await tenant.request('PUT', '/setup/number-series/CONT', { body: { description: series.description, manualNos: false, lines: series.lines.map(({ open: _open, ...line }: any) => line) } });
    const second = await upload(tenant, 'no,name\nIMP-1,Typed AB\nIMP-2,Typed Too AB\n');
    expect((await rowsOf(tenant, second.body.id)).map((row) => [row.outcome, row.problems.map((problem: { field: string }) => problem.field)])).toEqual([
      ['unchanged', []],
      ['refused', ['no']],
    ]);
  });

  test.each<[string, string | Buffer, Record<string, string>, number, string]>([
    ['a mapping naming a column the file lacks', 'name,city\nA,B\n', { mapping: JSON.stringify({ name: 'name', email: 'E-mail' }) }, 422, 'import_mapping_invalid'],
    ['a mapping that is not JSON', 'name\nA\n', { mapping: '{name:' }, 422, 'import_mapping_invalid'],
    ['a mapping to an unknown field', 'name\nA\n', { mapping: JSON.stringify({ name: 'name', shoeSize: 'name' }) }, 422, 'import_mapping_invalid'],
    ['a mapping that identifies nothing', 'name,email\nA,a@b.example\n', { mapping: JSON.stringify({ email: 'email' }) }, 422, 'import_mapping_invalid'],
    ['a file whose columns name no field', 'Firma,Stad\nA,B\n', {}, 422, 'import_mapping_invalid'],
    ['an empty file', '', {}, 422, 'import_file_invalid'],
    ['a byte order mark only', Buffer.from([0xef, 0xbb, 0xbf]), {}, 422, 'import_file_invalid'],
    ['a header only', 'name,city\r\n', {}, 422, 'import_file_invalid'],
    ['a header naming a column twice', 'name,name\nA,B\n', {}, 422, 'import_file_invalid'],
    ['invalid UTF-8 (Latin-1 saved)', Buffer.from('name\nK\xf8benhavn\n', 'latin1'), {}, 422, 'import_file_invalid'],
    ['a quote left open', 'name\n"Open\n', {}, 422, 'import_file_invalid'],
  ])('%s is a problem and stages nothing', async (_case, payload, query, status, code) => {
    const tenant = await service.newTenant();
    const response = await upload(tenant, payload, { query });
    expect([response.status, response.body.code]).toEqual([status, code]);
    expect(await stagedCount(tenant)).toBe(0);
    expect(await contactCount(tenant)).toBe(0);
  });

  test('a mapping problem names the failing field', async () => {
    const tenant = await service.newTenant();
    const response = await upload(tenant, 'name,city\nA,B\n', { query: { mapping: JSON.stringify({ name: 'name', email: 'E-mail' }) } });
    expect(response.body).toMatchObject({ fields: [{ path: 'mapping.email', message: 'The file has no column "E-mail".' }], details: { columns: ['name', 'city'] } });
    const saved = await tenant.request('PUT', '/contacts/import/mapping', { body: { mapping: { name: 'Firma', shoeSize: 'x' } } });
    expect([saved.status, saved.body.fields]).toEqual([400, [{ path: 'mapping.shoeSize', message: 'Unknown field.' }]]);
    expect((await tenant.request('GET', '/contacts/import/mapping')).body.mapping).toBeNull();
    await tenant.request('PUT', '/contacts/import/mapping', { body: { mapping: { name: 'Firma' } } });
    const withSaved = await upload(tenant, 'name,city\nA,B\n');
    expect([withSaved.status, withSaved.body.code, withSaved.body.fields]).toEqual([422, 'import_mapping_invalid', [{ path: 'mapping.name', message: 'The file has no column "Firma".' }]]);
  });

  test.each([
    ['JSON', 'application/json'],
    ['a spreadsheet', 'application/vnd.ms-excel'],
    ['CSV in Latin-1', 'text/csv; charset=iso-8859-1'],
  ])('%s is not an import file: 415 and nothing staged', async (_case, contentType) => {
    const tenant = await service.newTenant();
    const response = await upload(tenant, contentType === 'application/json' ? '{"name":"A"}' : 'name\nA\n', { contentType });
    expect([response.status, response.body.code]).toEqual([415, 'unsupported_media_type']);
    expect(await stagedCount(tenant)).toBe(0);
  });

  test('a file larger than the 1 MB JSON body limit is accepted, as it streams', async () => {
    const tenant = await service.newTenant();
    const note = 'n'.repeat(60_000);
    const text = ['name,note', ...Array.from({ length: 25 }, (_value, index) => `Big ${index},${note}`)].join('\n');
    expect(Buffer.byteLength(text)).toBeGreaterThan(1024 * 1024 * 1.4);
    const response = await upload(tenant, Readable.from([Buffer.from(text)]));
    expect([response.status, response.body.rowCount, response.body.counts.created]).toEqual([201, 25, 25]);
  });

  test('a file over the 100 MB import limit is refused with 413 and nothing staged: from its length, or as it streams', async () => {
    const tenant = await service.newTenant();
    const declared = await upload(tenant, 'name\nA\n', { headers: { 'content-length': String(100 * 1024 * 1024 + 1) } });
    expect([declared.status, declared.body.code]).toEqual([413, 'payload_too_large']);
    // Rows of spaces are blank rows: the reader goes through them without staging anything, so the
    // limit is what ends the upload.
    const blankRow = Buffer.from(`${' '.repeat(1023)}\n`);
    const chunk = Buffer.concat(Array.from({ length: 1024 }, () => blankRow));
    async function* overLimit() {
      yield Buffer.from('name\nFirst Row AB\n');
      for (let sent = 0; sent <= 100; sent++) yield chunk;
    }
    const streamed = await upload(tenant, Readable.from(overLimit()));
    expect([streamed.status, streamed.body.code, streamed.headers.connection]).toEqual([413, 'payload_too_large', 'close']);
    expect(await stagedCount(tenant)).toBe(0);
  });

  test('a row with too many or too few fields is refused as a whole', async () => {
    const tenant = await service.newTenant();
    const staged = await upload(tenant, 'name,city\nA,Oslo,extra\nB\nC,Bergen\n');
    expect((await rowsOf(tenant, staged.body.id)).map((row) => [row.rowNo, row.outcome, row.problems])).toEqual([
      [2, 'refused', [{ field: '', column: '', reason: 'The row has 3 fields; the header has 2.' }]],
      [3, 'refused', [{ field: '', column: '', reason: 'The row has 1 fields; the header has 2.' }]],
      [4, 'created', []],
    ]);
  });

  test('a salesperson may not import: 403 on every import route, nothing staged', async () => {
    const tenant = await service.newTenant();
    const salesperson = tenant.user();
    const refused = await upload(tenant, 'name\nA\n', { as: salesperson });
    expect([refused.status, refused.body.details]).toEqual([403, { requiredRole: 'Rapport.Manager' }]);
    expect((await tenant.request('GET', '/contacts/import/mapping', { as: salesperson })).status).toBe(403);
    expect((await tenant.request('PUT', '/contacts/import/mapping', { as: salesperson, body: { mapping: { name: 'A' } } })).status).toBe(403);
    const staged = await upload(tenant, 'name\nA\n');
    for (const [method, path] of [
      ['GET', '/contacts/imports'],
      ['GET', `/contacts/imports/${staged.body.id}`],
      ['GET', `/contacts/imports/${staged.body.id}/rows`],
      ['GET', `/contacts/imports/${staged.body.id}/refused-rows`],
      ['POST', `/contacts/imports/${staged.body.id}/run`],
      ['DELETE', `/contacts/imports/${staged.body.id}`],
    ] as const) {
      expect([method, path, (await tenant.request(method, path, { as: salesperson, ...(method === 'POST' ? { body: {} } : {}) })).status]).toEqual([method, path, 403]);
    }
    expect(await stagedCount(tenant)).toBe(1);
    expect(await contactCount(tenant)).toBe(0);
  });

  test('an upload the service stopped reading is cleared once nothing has been staged for an hour, and an unfinished one is never listed', async () => {
    const tenant = await service.newTenant();
    await tenant.request('GET', '/me');
    const unfinished = async (id: string, touched: string) =>
      service.db.query(
        `INSERT INTO contact_import (tenant_id, id, format, mapping, mapping_source, created_by, created_at, touched_at) VALUES ($1, $2, 'csv', '{}', 'columnNames', 'x', now() - interval '3 hours', now() - $3::interval)`,
        [tenant.tenantId, id, touched],
      );
    await unfinished('00000000-0000-4000-8000-00000000000a', '2 hours');
    await unfinished('00000000-0000-4000-8000-00000000000b', '5 minutes');
    expect((await tenant.request('GET', '/contacts/imports/00000000-0000-4000-8000-00000000000b')).status).toBe(404);
    const staged = await upload(tenant, 'name\nA\n');
    const left = await service.db.query<{ id: string }>('SELECT id FROM contact_import WHERE tenant_id = $1 ORDER BY id', [tenant.tenantId]);
    expect(left.map((row) => row.id).sort()).toEqual(['00000000-0000-4000-8000-00000000000b', staged.body.id].sort());
    expect((await tenant.request('GET', '/contacts/imports')).body.items.map((item: { id: string }) => item.id)).toEqual([staged.body.id]);
  });

  test('imports are listed, read and discarded; unknown, foreign and malformed ids are refused', async () => {
    const tenant = await service.newTenant();
    const first = await upload(tenant, 'name\nA\n');
    const second = await upload(tenant, 'name\nB\n');
    const list = (await tenant.request('GET', '/contacts/imports')).body.items.map((item: { id: string }) => item.id);
    expect(list).toEqual([second.body.id, first.body.id]);
    expect((await tenant.request('DELETE', `/contacts/imports/${first.body.id}`)).status).toBe(204);
    expect((await tenant.request('GET', `/contacts/imports/${first.body.id}`)).status).toBe(404);
    expect((await tenant.request('POST', `/contacts/imports/${first.body.id}/run`, { body: {} })).status).toBe(404);
    expect((await tenant.request('GET', '/contacts/imports/not-a-uuid')).status).toBe(400);
    expect((await tenant.request('POST', `/contacts/imports/${second.body.id}/run`, { body: { duplicates: 'maybe' } })).status).toBe(400);
    const other = await service.newTenant();
    expect((await other.request('GET', `/contacts/imports/${second.body.id}`)).status).toBe(404);
    expect((await other.request('GET', `/contacts/imports/${second.body.id}/refused-rows`)).status).toBe(404);
  });
});
