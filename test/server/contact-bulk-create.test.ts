import type { ContactCreateBody } from '../../src/contract/contacts';
import type { RapportError } from '../../src/domain/errors';
import type { RequestContext } from '../../src/server/http/route';
import { createContactsInBulk, type BulkCreateOutcome } from '../../src/server/modules/contacts/contact-bulk-create';
import { findSalespersonCodeByEmail } from '../../src/server/modules/salespeople/salesperson-repository';
import { beginTenantWrite, tenantWriteDb, withinTransaction } from '../../src/server/modules/sync/sync-repository';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

/**
 * Bulk creation against the rule it must keep: a batch leaves the database exactly as the same rows
 * posted one by one to POST /contacts leave another tenant set up the same way.
 */
const TODAY = '2025-03-05';
const ME = 'me@nordlys.example';

type Row = Record<string, unknown>;
type Scenario = { series?: { manualNos?: boolean; lines?: Row[] }; setup?: Row };

describe.each(testEngines())('contacts created in bulk on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine, { today: () => TODAY });
  });
  afterAll(() => service.close());

  const ok = async (response: Promise<{ status: number; body: any }>, status = 200) => {
    const { status: actual, body } = await response;
    if (actual !== status) throw new Error(`expected ${status}, got ${actual}: ${JSON.stringify(body)}`);
    return body;
  };

  /** A tenant with salespeople (one of them the user's, one blocked), two companies (one a customer) and a person. */
  async function seededTenant(scenario: Scenario = {}): Promise<TestTenant> {
    const tenant = await service.newTenant();
    await ok(tenant.request('PUT', '/salespeople/ME', { body: { name: 'Me Myself', email: ME } }));
    await ok(tenant.request('PUT', '/salespeople/OTH', { body: { name: 'Other Person' } }));
    await ok(tenant.request('PUT', '/salespeople/BLK', { body: { name: 'Blocked Person', privacyBlocked: true } }));
    const setup = await ok(tenant.request('GET', '/setup/marketing'));
    await ok(tenant.request('PUT', '/setup/marketing', { body: { ...setup, defaultCountryRegionCode: 'SE', ...scenario.setup } }));
    if (scenario.series) {
      const series = await ok(tenant.request('GET', '/setup/number-series/CONT'));
      const lines = scenario.series.lines ?? series.lines.map(({ open: _open, ...line }: Row) => line);
      await ok(tenant.request('PUT', '/setup/number-series/CONT', { body: { description: series.description, manualNos: scenario.series.manualNos ?? series.manualNos, lines } }));
    }
    const fabrikam = await ok(
      tenant.request('POST', '/contacts', {
        body: { name: 'Fabrikam, Inc.', address: '12 Main Street', city: 'Seattle', postCode: '98052', phoneNo: '+1 425 555 0100', email: 'sales@fabrikam.example', vatRegistrationNo: 'US123' },
      }),
      201,
    );
    await ok(
      tenant.request('POST', '/contacts', {
        body: { name: 'Nordlys AB', address: 'Storgatan 1', city: 'Umeå', postCode: '90326', phoneNo: '+46 90 123 45 67', languageCode: 'DEU', salespersonCode: 'OTH', territoryCode: 'NORDIC' },
      }),
      201,
    );
    await ok(tenant.request('POST', '/contacts', { body: { type: 'person', name: 'Ann Beck', companyNo: fabrikam.contact.no, mobilePhoneNo: '+46 70 111 22 33', email: 'ann@fabrikam.example' } }), 201);
    await ok(tenant.request('POST', `/contacts/${fabrikam.contact.no}/create-as/customer`), 201);
    return tenant;
  }

  const contextOf = (tenant: TestTenant, email = ME): RequestContext => ({
    db: tenantWriteDb(service.db, tenant.tenantId),
    identity: { tenantId: tenant.tenantId, userId: 'bulk', email, name: 'Me Myself', roles: [] },
    log: service.app.log,
    workDate: TODAY,
    currentSalespersonCode: () => findSalespersonCodeByEmail(service.db, tenant.tenantId, email),
  });

  /** Everything creating a contact writes, without the tenant and the clocks. */
  async function storedState(tenant: TestTenant) {
    const tenantId = tenant.tenantId;
    const contacts = (await service.db.query('SELECT * FROM contact WHERE tenant_id = $1 ORDER BY no', [tenantId])).map(
      ({ tenant_id: _t, created_at: _c, last_modified: _m, sync_version: _v, ...row }) => row,
    );
    const strings = await service.db.query(
      'SELECT contact_no, field, part, search_string FROM contact_duplicate_search_string WHERE tenant_id = $1 ORDER BY contact_no, field, part',
      [tenantId],
    );
    const pairs = await service.db.query(
      `SELECT contact_no, duplicate_contact_no, separate_contacts, no_of_matching_strings, exact_matches FROM contact_duplicate
       WHERE tenant_id = $1 ORDER BY contact_no, duplicate_contact_no`,
      [tenantId],
    );
    const lines = (await service.db.query("SELECT * FROM no_series_line WHERE tenant_id = $1 AND series_code = 'CONT' ORDER BY line_no", [tenantId])).map(
      ({ tenant_id: _t, ...line }) => line,
    );
    const listed = await ok(tenant.request('GET', '/contacts?limit=500'));
    const views = listed.items.map(({ lastModified: _m, ...view }: Row) => view);
    return { contacts, strings, pairs, lines, views };
  }

  const errorOf = (outcome: BulkCreateOutcome | undefined): RapportError => {
    if (!outcome || outcome.ok) throw new Error(`expected a refusal, got ${JSON.stringify(outcome)}`);
    return outcome.error;
  };

  /**
   * Posts `rows` one by one to one tenant and creates them in one batch in another set up the same
   * way; expects the same answer for every row and the same stored data, and returns the batch's outcomes.
   */
  async function sameAsOneByOne(rows: readonly Row[], scenario: Scenario = {}) {
    const single = await seededTenant(scenario);
    const bulk = await seededTenant(scenario);
    const user = single.user({ email: ME });
    const posted = [];
    for (const row of rows) posted.push(await single.request('POST', '/contacts', { body: row, as: user }));
    const outcomes = await createContactsInBulk(contextOf(bulk), rows as ContactCreateBody[]);

    expect(outcomes).toHaveLength(rows.length);
    posted.forEach((response, index) => {
      const outcome = outcomes[index];
      if (response.status === 201) {
        expect({ row: index, outcome }).toEqual({
          row: index,
          outcome: { ok: true, no: response.body.contact.no, duplicates: response.body.duplicates, warnings: response.body.warnings },
        });
      } else {
        const error = errorOf(outcome);
        const expected = { row: index, code: response.body.code, fields: response.body.fields };
        expect({ row: index, code: error.code, fields: error.fields }).toEqual(expected);
        // A body refused by its schema is worded for a request; every rule's message is the same.
        if (response.body.detail !== 'The request body is not valid.') expect(error.message).toBe(response.body.detail);
      }
    });
    expect(await storedState(bulk)).toEqual(await storedState(single));
    return { outcomes, tenant: bulk };
  }

  /** A small seeded generator (mulberry32): the same seed gives the same rows. */
  const randomFrom = (seed: number) => {
    let state = seed >>> 0;
    const next = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    return { chance: (p: number) => next() < p, pick: <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T };
  };

  /** Rows drawn from small pools, so that numbers collide, companies repeat and e-mails and phones match. */
  function randomRows(seed: number, count: number): Row[] {
    const random = randomFrom(seed);
    const rows: Row[] = [];
    const maybe = (row: Row, field: string, p: number, values: readonly unknown[]) => {
      if (random.chance(p)) row[field] = random.pick(values);
    };
    for (let index = 0; index < count; index++) {
      const row: Row = {};
      maybe(row, 'no', 0.15, ['X1', 'X2', 'X3', 'CT000006', 'CT000008', 'CT000002', 'ct000009 ']);
      if (random.chance(0.4)) {
        row.name = random.pick(['Fabrikam, Inc.', 'Fabrikam Inc', 'Contoso Ltd', 'Nordlys AB', 'Litware', '']);
        maybe(row, 'address', 0.7, ['12 Main Street', 'Storgatan 1', '1 Harbour Road']);
        maybe(row, 'city', 0.7, ['Seattle', 'Umeå', 'Bergen']);
        maybe(row, 'postCode', 0.6, ['98052', '90326', '5003']);
        maybe(row, 'phoneNo', 0.6, ['+1 425 555 0100', '+46 90 123 45 67', '0046 90 1234567', '555']);
        maybe(row, 'email', 0.5, ['sales@fabrikam.example', 'info@contoso.example', 'Sales@Fabrikam.example', 'not-an-email']);
        maybe(row, 'vatRegistrationNo', 0.3, ['US123', 'SE5566']);
        maybe(row, 'companyNo', 0.05, ['CT000001']);
        maybe(row, 'currencyCode', 0.2, ['EUR', 'XXX']);
      } else {
        row.type = 'person';
        maybe(row, 'name', 0.9, ['Ann Beck', 'Bo Ek', 'Anna Maria de la Cruz', 'Cher', 'Karl  Gustav   Lind']);
        maybe(row, 'firstName', 0.1, ['Eva', '']);
        maybe(row, 'surname', 0.1, ['Strand']);
        maybe(row, 'searchName', 0.1, ['MY OWN']);
        maybe(row, 'companyNo', 0.7, ['CT000001', 'CT000002', 'CT000003', 'X1', 'X2', 'CT999000', 'CT000006']);
        maybe(row, 'email', 0.6, ['ann@fabrikam.example', 'bo@contoso.example', 'sales@fabrikam.example', 'Bo@Contoso.example']);
        maybe(row, 'mobilePhoneNo', 0.4, ['+46 70 111 22 33', '+46 (0)70 1112233', '+47 900 00 000']);
        maybe(row, 'phoneNo', 0.15, ['+1 425 555 0100', '']);
        maybe(row, 'address', 0.15, ['Own Road 5', '']);
        maybe(row, 'city', 0.15, ['Seattle']);
        maybe(row, 'languageCode', 0.2, ['SVE', 'DEU', 'XXX']);
        maybe(row, 'formatRegion', 0.05, ['fi-FI']);
        maybe(row, 'jobTitle', 0.2, ['Buyer']);
        maybe(row, 'organizationalLevelCode', 0.1, ['CEO', 'NOPE']);
      }
      maybe(row, 'salespersonCode', 0.25, ['ME', 'OTH', 'BLK', 'GHOST', '']);
      maybe(row, 'territoryCode', 0.15, ['NORDIC', 'NOWHERE']);
      maybe(row, 'salutationCode', 0.1, ['COMPANY', 'NOSUCH']);
      maybe(row, 'correspondenceType', 0.1, ['hardCopy', '']);
      maybe(row, 'externalId', 0.2, [`EXT-${index}`]);
      rows.push(row);
    }
    return rows;
  }

  test.each([1, 2, 3])('random rows (seed %i) are stored as POST /contacts stores them one by one', async (seed) => {
    const { outcomes } = await sameAsOneByOne(randomRows(seed, 45), { series: { manualNos: true } });
    // The pools are small enough that every run has refusals, duplicates and created rows.
    expect(outcomes.some((outcome) => !outcome.ok)).toBe(true);
    expect(outcomes.some((outcome) => outcome.ok && outcome.duplicates.length > 0)).toBe(true);
  });

  test('every kind of bad row is refused alone, with its field; the others are created with consecutive numbers', async () => {
    const rows: Row[] = [
      { name: 'Good One' },
      { type: 'person', name: 'Lost Soul', companyNo: 'CT999000' },
      { name: 'Bad Mail', email: 'not-an-email' },
      { name: 'Blocked Owner', salespersonCode: 'BLK' },
      { name: 'Ghost Owner', salespersonCode: 'GHOST', territoryCode: 'NOWHERE' },
      { name: 'A company in a company', companyNo: 'CT000001' },
      { type: 'person', name: 'Person as company', companyNo: 'CT000003' },
      { no: 'CT000002', name: 'Taken number' },
      { name: 'Unknown field', colour: 'blue' },
      { type: 'person', name: 'Good Two', companyNo: 'CT000002' },
    ];
    const { outcomes } = await sameAsOneByOne(rows);
    const refusals = outcomes.flatMap((outcome, row) => (outcome.ok ? [] : [{ row, code: outcome.error.code, paths: outcome.error.fields?.map((field) => field.path) }]));
    expect(refusals).toEqual([
      { row: 1, code: 'contact_company_invalid', paths: ['companyNo'] },
      { row: 2, code: 'validation_failed', paths: ['email'] },
      { row: 3, code: 'salesperson_blocked', paths: ['salespersonCode'] },
      { row: 4, code: 'validation_failed', paths: ['salespersonCode', 'territoryCode'] },
      { row: 5, code: 'contact_company_invalid', paths: ['companyNo'] },
      { row: 6, code: 'contact_company_invalid', paths: ['companyNo'] },
      { row: 7, code: 'already_exists', paths: ['no'] },
      { row: 8, code: 'validation_failed', paths: ['colour'] },
    ]);
    expect([outcomes[0], outcomes[9]].map((outcome) => outcome?.ok && outcome.no)).toEqual(['CT000004', 'CT000005']);
  });

  test('a typed number needs Manual Nos.; the row is refused alone', async () => {
    const { outcomes } = await sameAsOneByOne([{ name: 'Auto' }, { no: 'MAN1', name: 'Typed' }, { name: 'Auto again' }], { series: { manualNos: false } });
    expect(errorOf(outcomes[1]).code).toBe('manual_numbers_not_allowed');
    expect(errorOf(outcomes[1]).fields).toEqual([{ path: 'no', message: 'Manual Nos. is off for this number series.' }]);
    expect(outcomes.filter((outcome) => outcome.ok).map((outcome) => outcome.ok && outcome.no)).toEqual(['CT000004', 'CT000005']);
  });

  test('the series running out mid-batch: warnings near its end, the rest refused, a refused row takes no number', async () => {
    const lines = [{ lineNo: 10000, startingNo: 'CT000001', endingNo: 'CT000008', warningNo: 'CT000007', incrementByNo: 1 }];
    const rows: Row[] = [
      { name: 'Four' },
      { name: 'Refused', territoryCode: 'NOWHERE' },
      { name: 'Five' },
      { no: 'CT000006', name: 'Typed six' },
      { name: 'Seven (skips six)' },
      { name: 'Eight' },
      { name: 'None left' },
      { no: 'T1', name: 'Typed still works' },
      { name: 'None left either' },
    ];
    const { outcomes, tenant } = await sameAsOneByOne(rows, { series: { manualNos: true, lines } });
    expect(outcomes.map((outcome) => (outcome.ok ? outcome.no : outcome.error.code))).toEqual([
      'CT000004',
      'validation_failed',
      'CT000005',
      'CT000006',
      'CT000007',
      'CT000008',
      'number_series_no_open_line',
      'T1',
      'number_series_no_open_line',
    ]);
    expect(outcomes[4]).toMatchObject({ warnings: [expect.stringContaining('soon running out')] });
    expect(outcomes[5]).toMatchObject({ warnings: [expect.stringContaining('The current number is CT000008')] });
    const series = await ok(tenant.request('GET', '/setup/number-series/CONT'));
    expect(series.lines[0]).toMatchObject({ lastNoUsed: 'CT000008', lastDateUsed: TODAY, open: false });
  });

  test('persons of a company created earlier in the batch inherit from it; a company that comes later is not there yet', async () => {
    const rows: Row[] = [
      { no: 'X1', name: 'Batch Company AB', address: 'Kungsgatan 2', city: 'Malmö', postCode: '21122', phoneNo: '+46 40 123 456', languageCode: 'SVE', salespersonCode: 'OTH' },
      { type: 'person', name: 'Eva Lind', companyNo: 'X1', email: 'eva@batch.example' },
      { type: 'person', name: 'Olle Berg', companyNo: 'X1', phoneNo: '+46 40 999 999', city: 'Lund', languageCode: 'DEU' },
      { type: 'person', name: 'Too Early', companyNo: 'X2' },
      { no: 'X2', name: 'Later Company AB' },
      { type: 'person', name: 'In Time', companyNo: 'X2' },
    ];
    const { outcomes, tenant } = await sameAsOneByOne(rows, { series: { manualNos: true } });
    expect(errorOf(outcomes[3]).code).toBe('contact_company_invalid');
    const eva = await ok(tenant.request('GET', `/contacts/${outcomes[1]?.ok && outcomes[1].no}`));
    expect(eva).toMatchObject({
      companyNo: 'X1',
      companyName: 'Batch Company AB',
      address: 'Kungsgatan 2',
      city: 'Malmö',
      phoneNo: '+46 40 123 456',
      languageCode: 'SVE',
      salespersonCode: 'OTH',
      firstName: 'Eva',
      surname: 'Lind',
      searchName: 'EVA LIND',
    });
    expect(eva.inheritedFields).toEqual(expect.arrayContaining(['address', 'city', 'phoneNo', 'languageCode', 'salespersonCode']));
    expect(eva.inheritedFields).not.toContain('email');
    const olle = await ok(tenant.request('GET', `/contacts/${outcomes[2]?.ok && outcomes[2].no}`));
    // A typed city keeps the person's whole address block; the flagged codes are the company's, then the typed ones win.
    expect(olle).toMatchObject({ phoneNo: '+46 40 999 999', city: 'Lund', address: '', languageCode: 'DEU', salespersonCode: 'OTH' });
    expect(olle.inheritedFields).toEqual(expect.arrayContaining(['salespersonCode', 'email']));
    expect(olle.inheritedFields).not.toEqual(expect.arrayContaining(['phoneNo']));
    expect(olle.inheritedFields).not.toEqual(expect.arrayContaining(['address']));
  });

  test('a company like an existing one and like an earlier row is paired with both, and its answer lists them', async () => {
    const twin = { name: 'Fabrikam, Inc.', address: '12 Main Street', city: 'Seattle', postCode: '98052', phoneNo: '+1 425 555 0100', vatRegistrationNo: 'US123' };
    const { outcomes } = await sameAsOneByOne([{ ...twin, email: 'sales@fabrikam.example' }, { ...twin, email: 'info@fabrikam.example' }]);
    expect(outcomes[0]).toMatchObject({ ok: true, no: 'CT000004', duplicates: [{ contactNo: 'CT000001', exactMatches: ['email', 'phone'] }] });
    expect(outcomes[1]).toMatchObject({ ok: true, no: 'CT000005', duplicates: [{ contactNo: 'CT000001' }, { contactNo: 'CT000004' }] });
  });

  test('strings held by more contacts than are read at first: the pairs are still exact', async () => {
    // 40 near twins: their strings soon have more holders than the first read takes, so seeds are
    // read whole and candidates that could still reach the threshold have their strings read.
    const rows: Row[] = Array.from({ length: 40 }, (_unused, index) => ({
      name: index % 3 === 0 ? 'Twin Trading AB' : 'Twin Trading Aktiebolag',
      address: index % 4 === 0 ? 'Storgatan 1' : 'Storgatan 12',
      city: 'Umeå',
      postCode: '90326',
      phoneNo: `+46 90 12${String(index % 5).padStart(2, '0')} 45 67`,
      email: `info${index % 7}@twin.example`,
      vatRegistrationNo: index % 2 === 0 ? 'SE556677' : '',
    }));
    const { outcomes } = await sameAsOneByOne(rows);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    expect(outcomes.at(-1)).toMatchObject({ ok: true, duplicates: expect.arrayContaining([expect.objectContaining({ noOfMatchingStrings: expect.any(Number) })]) });
    expect(outcomes.filter((outcome) => outcome.ok && outcome.duplicates.length > 33).length).toBeGreaterThan(0);
  });

  test("runs in the caller's transaction: a job step's rollback leaves nothing behind", async () => {
    const tenant = await seededTenant();
    const before = await storedState(tenant);
    await expect(
      service.db.transaction(async (tx) => {
        await beginTenantWrite(tx, tenant.tenantId);
        // As the job runner builds it: everything, the user's salesperson too, read through the step's transaction.
        const ctx: RequestContext = {
          ...contextOf(tenant),
          db: withinTransaction(service.db, tx),
          currentSalespersonCode: () => findSalespersonCodeByEmail(tx, tenant.tenantId, ME),
        };
        const outcomes = await createContactsInBulk(ctx, [{ name: 'Inside' }, { type: 'person', name: 'Also Inside', companyNo: 'CT000001' }]);
        expect(outcomes.map((outcome) => outcome.ok)).toEqual([true, true]);
        throw new Error('the step failed after the batch');
      }),
    ).rejects.toThrow('the step failed after the batch');
    expect(await storedState(tenant)).toEqual(before);
  });

  test('an empty batch does nothing; a batch over the limit is refused whole', async () => {
    const tenant = await seededTenant();
    expect(await createContactsInBulk(contextOf(tenant), [])).toEqual([]);
    await expect(createContactsInBulk(contextOf(tenant), Array.from({ length: 5001 }, () => ({ name: 'Many' })))).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
