import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

const fabrikam = {
  name: 'Fabrikam, Inc.',
  address: '12 Main Street',
  city: 'Seattle',
  postCode: '98052',
  phoneNo: '+1 425 555 0100',
  email: 'sales@fabrikam.com',
};

type Pair = {
  contact: { no: string; name: string; type: string };
  duplicate: { no: string; name: string; type: string };
  noOfMatchingStrings: number;
  exactMatches: string[];
  separateContacts: boolean;
};
type PairString = { field: string; part: string; searchString: string; matches: boolean };

describe.each(testEngines())('the tenant’s duplicate pairs on %s', (engine) => {
  let service: TestApp;
  beforeAll(async () => {
    service = await startTestApp(engine);
  });
  afterAll(() => service.close());

  const create = async (tenant: TestTenant, body: Record<string, unknown>): Promise<string> => {
    const response = await tenant.request('POST', '/contacts', { body });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return (response.body as { contact: { no: string } }).contact.no;
  };

  /** Fabrikam entered three times, and a contact like no other. */
  async function threeFabrikams(tenant: TestTenant) {
    const a = await create(tenant, fabrikam);
    const b = await create(tenant, { ...fabrikam, name: 'Fabrikam Inc' });
    const c = await create(tenant, { ...fabrikam, name: 'Fabrikam Incorporated', email: 'info@fabrikam.com' });
    await create(tenant, { name: 'Contoso Ltd', city: 'Redmond' });
    return { a, b, c };
  }

  test('lists every pair once, with both contacts’ names, in the order of their numbers, and none of another tenant’s', async () => {
    const tenant = await service.newTenant();
    const other = await service.newTenant();
    await threeFabrikams(other);
    const { a, b, c } = await threeFabrikams(tenant);
    const response = await tenant.request('GET', '/contact-duplicates', { as: tenant.user() });
    expect(response.status).toBe(200);
    const items = response.body.items as Pair[];
    expect(items.map((pair) => [pair.contact.no, pair.duplicate.no])).toEqual([
      [b, a],
      [c, a],
      [c, b],
    ]);
    expect(items[0]).toEqual({
      contact: { no: b, name: 'Fabrikam Inc', type: 'company' },
      duplicate: { no: a, name: 'Fabrikam, Inc.', type: 'company' },
      noOfMatchingStrings: 12,
      exactMatches: ['email', 'phone'],
      separateContacts: false,
    });
    expect(response.body.next).toBeNull();
  });

  test('pages by the pair’s key, and the pages together are the whole list', async () => {
    const tenant = await service.newTenant();
    await threeFabrikams(tenant);
    const whole = (await tenant.request('GET', '/contact-duplicates')).body.items as Pair[];
    const seen: Pair[] = [];
    let after: string | null = null;
    for (let page = 0; page < 5; page += 1) {
      const query: string = after === null ? '' : `&after=${encodeURIComponent(after)}`;
      const response = await tenant.request('GET', `/contact-duplicates?limit=2${query}`);
      expect(response.status).toBe(200);
      seen.push(...(response.body.items as Pair[]));
      after = response.body.next as string | null;
      if (after === null) break;
    }
    expect(seen).toEqual(whole);
    expect(whole).toHaveLength(3);
  });

  test('filters by the separate-contacts mark', async () => {
    const tenant = await service.newTenant();
    const { a, b } = await threeFabrikams(tenant);
    expect((await tenant.request('PUT', `/contacts/${a}/duplicates/${b}`, { body: { separateContacts: true } })).status).toBe(200);
    const separate = (await tenant.request('GET', '/contact-duplicates?separateContacts=true')).body.items as Pair[];
    expect(separate.map((pair) => [pair.contact.no, pair.duplicate.no, pair.separateContacts])).toEqual([[b, a, true]]);
    const proposed = (await tenant.request('GET', '/contact-duplicates?separateContacts=false')).body.items as Pair[];
    expect(proposed).toHaveLength(2);
    expect(proposed.every((pair) => !pair.separateContacts)).toBe(true);
  });

  test.each([
    ['a cursor that is not the previous page’s', 'after=CT000001'],
    ['a cursor of the wrong shape', `after=${encodeURIComponent('["CT000001"]')}`],
    ['an unknown filter value', 'separateContacts=maybe'],
  ])('refuses %s', async (_what, query) => {
    const tenant = await service.newTenant();
    const response = await tenant.request('GET', `/contact-duplicates?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation_failed');
  });

  test('one pair, from either side, with both contacts’ search strings and the ones they share marked', async () => {
    const tenant = await service.newTenant();
    const { a, c } = await threeFabrikams(tenant);
    const response = await tenant.request('GET', `/contacts/${a}/duplicates/${c}`, { as: tenant.user() });
    expect(response.status).toBe(200);
    const pair = response.body as Pair & { contactStrings: PairString[]; duplicateStrings: PairString[] };
    expect([pair.contact.no, pair.duplicate.no]).toEqual([a, c]);
    // Each side's matching strings are the ones the count counts.
    expect(pair.contactStrings.filter((string) => string.matches)).toHaveLength(pair.noOfMatchingStrings);
    expect(pair.duplicateStrings.filter((string) => string.matches)).toHaveLength(pair.noOfMatchingStrings);
    // The names share their beginning, not their end; the e-mails differ at the front.
    const parts = (strings: PairString[], field: string) => strings.filter((string) => string.field === field).map((string) => [string.part, string.matches]);
    expect(parts(pair.contactStrings, 'name')).toEqual([
      ['first', true],
      ['last', false],
    ]);
    expect(parts(pair.contactStrings, 'email')).toEqual([
      ['first', false],
      ['last', true],
    ]);
    expect(pair.contactStrings.find((string) => string.field === 'name' && string.part === 'last')?.searchString).not.toBe(
      pair.duplicateStrings.find((string) => string.field === 'name' && string.part === 'last')?.searchString,
    );
    const reversed = (await tenant.request('GET', `/contacts/${c}/duplicates/${a}`)).body as typeof pair;
    expect([reversed.contact.no, reversed.duplicate.no, reversed.noOfMatchingStrings]).toEqual([c, a, pair.noOfMatchingStrings]);
    expect(reversed.contactStrings).toEqual(pair.duplicateStrings);
  });

  test('two contacts that are no pair, or one that is not there, are not found', async () => {
    const tenant = await service.newTenant();
    const { a } = await threeFabrikams(tenant);
    const contoso = (await tenant.request('GET', '/contacts?q=CONTOSO')).body.items[0].no as string;
    expect((await tenant.request('GET', `/contacts/${a}/duplicates/${contoso}`)).status).toBe(404);
    expect((await tenant.request('GET', `/contacts/${a}/duplicates/NOSUCH`)).status).toBe(404);
  });
});
