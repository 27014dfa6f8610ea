import type { Contact } from '../../src/domain/contact/contact';
import {
  buildDuplicateSearchStrings,
  countMatchingStrings,
  DEFAULT_DUPLICATE_SEARCH_SETUP,
  duplicateThreshold,
  normalizePhoneForMatch,
  type DuplicateSearchStringSetup,
} from '../../src/domain/duplicate-search';
import { normalizeEmail } from '../../src/domain/email';
import type { AnyJobHandler } from '../../src/server/jobs/job';
import { JobRunner } from '../../src/server/jobs/job-runner';
import { duplicateSearchRebuildJob, nextRebuildStepSize } from '../../src/server/modules/duplicates/duplicate-rebuild-job';
import { indexedValues } from '../../src/server/modules/duplicates/duplicate-service';
import { testEngines } from '../helpers/engines';
import { startTestApp, type TestApp, type TestTenant } from '../helpers/test-app';

const fabrikam = { name: 'Fabrikam, Inc.', address: '12 Main Street', city: 'Seattle', postCode: '98052', phoneNo: '+1 425 555 0100', email: 'sales@fabrikam.com' };
const contoso = { name: 'Contoso Ltd', address: '1 Microsoft Way', city: 'Redmond', postCode: '98053', phoneNo: '+1 425 555 0200', email: 'info@contoso.com' };
const litware = { name: 'Litware AB', address: 'Storgatan 7', city: 'Göteborg', postCode: '41101', phoneNo: '+46 31 100 00 10', email: 'hej@litware.se' };

/** Three contacts to a step, so a dozen contacts take several steps. */
const CONTACTS_PER_STEP = 3;

type StoredPair = { pair: string; n: number; exact: string[]; separate: boolean };

/**
 * The pairs a search over every pair of contacts finds (§4 with Rapport's exact matches), as
 * "lower no.|higher no.:matching strings:exact matches", computed here from the contacts' values.
 */
function pairsByComparingEveryContact(contacts: readonly Contact[], setup: readonly DuplicateSearchStringSetup[], hitPercent: number): string[] {
  const threshold = duplicateThreshold(setup.length, hitPercent);
  const own = (contact: Contact, field: 'email' | 'phoneNo' | 'mobilePhoneNo') => (contact.type === 'person' && contact.inheritedFields.includes(field) ? '' : contact[field]);
  const phones = (contact: Contact) => [own(contact, 'phoneNo'), own(contact, 'mobilePhoneNo')].map(normalizePhoneForMatch).filter((phone) => phone.length >= 6);
  const strings = contacts.map((contact) => buildDuplicateSearchStrings(indexedValues(contact), setup));
  const pairs: string[] = [];
  contacts.forEach((a, i) => {
    contacts.forEach((b, j) => {
      if (j <= i || a.type !== b.type) return;
      const n = countMatchingStrings(strings[i] ?? [], strings[j] ?? []);
      const exact = [
        ...(normalizeEmail(own(a, 'email')) !== '' && normalizeEmail(own(a, 'email')) === normalizeEmail(own(b, 'email')) ? ['email'] : []),
        ...(phones(a).some((phone) => phones(b).includes(phone)) ? ['phone'] : []),
      ];
      if (n >= threshold || exact.length > 0) pairs.push(`${a.no}|${b.no}:${n}:${exact.join(',')}`);
    });
  });
  return pairs.sort();
}

describe('the rebuild step size follows the time of the last step, aiming at 250 ms', () => {
  test.each([
    ['a step on target keeps its size', 500, 250, 500],
    ['a step twice as slow halves it', 500, 500, 250],
    ['a fast step at most doubles it', 500, 10, 1000],
    ['a very slow step stops at 50 contacts', 60, 2000, 50],
    ['a very fast step stops at 5,000 contacts', 4000, 50, 5000],
    ['a step that took no measurable time doubles it', 300, 0, 600],
  ])('%s', (_case, limit, elapsedMs, next) => {
    expect(nextRebuildStepSize(limit, elapsedMs)).toBe(next);
  });
});

describe.each(testEngines())('Generate Duplicate Search Strings as a background job on %s', (engine) => {
  let service: TestApp;
  const rebuildJob = duplicateSearchRebuildJob({ contactsPerStep: CONTACTS_PER_STEP });
  beforeAll(async () => {
    service = await startTestApp(engine, { jobHandlers: [rebuildJob] });
  });
  afterAll(() => service.close());

  const create = async (tenant: TestTenant, body: Record<string, unknown>): Promise<string> => {
    const response = await tenant.request('POST', '/contacts', { body });
    if (response.status !== 201) throw new Error(JSON.stringify(response.body));
    return response.body.contact.no;
  };
  const patch = async (tenant: TestTenant, no: string, body: Record<string, unknown>) => {
    const response = await tenant.request('PATCH', `/contacts/${no}`, { body });
    if (response.status !== 200) throw new Error(JSON.stringify(response.body));
  };
  const autosearchOff = async (tenant: TestTenant) => {
    const response = await tenant.request('PATCH', '/setup/marketing', { body: { autosearchForDuplicates: false } });
    expect(response.body).toMatchObject({ autosearchForDuplicates: false, maintainDuplSearchStrings: true, duplicateSearchRebuild: null });
  };
  const storedPairs = async (tenant: TestTenant): Promise<StoredPair[]> => {
    const rows = await service.db.query<{ contact_no: string; duplicate_contact_no: string; no_of_matching_strings: number; exact_matches: string[]; separate_contacts: boolean }>(
      'SELECT contact_no, duplicate_contact_no, no_of_matching_strings, exact_matches, separate_contacts FROM contact_duplicate WHERE tenant_id = $1',
      [tenant.tenantId],
    );
    return rows
      .map((row) => ({
        pair: [row.contact_no, row.duplicate_contact_no].sort().join('|'),
        n: row.no_of_matching_strings,
        exact: [...row.exact_matches].sort(),
        separate: row.separate_contacts,
      }))
      .sort((a, b) => a.pair.localeCompare(b.pair));
  };
  const asText = (pair: StoredPair) => `${pair.pair}:${pair.n}:${pair.exact.join(',')}`;
  const proposedPairs = async (tenant: TestTenant) => (await storedPairs(tenant)).filter((pair) => !pair.separate).map(asText);
  const allPairs = async (tenant: TestTenant) => (await storedPairs(tenant)).map(asText);
  const allContacts = async (tenant: TestTenant): Promise<Contact[]> => (await tenant.request('GET', '/contacts?limit=500')).body.items;
  const rebuild = async (tenant: TestTenant) => {
    const response = await tenant.request('POST', '/setup/duplicate-search/rebuild');
    expect(response.status).toBe(202);
    expect(response.body).toMatchObject({ kind: 'duplicate-search-rebuild', createdBy: tenant.admin.email });
    return response.body.id as string;
  };
  const progressOf = async (tenant: TestTenant, id: string) => (await tenant.request('GET', `/jobs/${id}`)).body as { status: string; progress: { done: number; total: number } };

  test('with Autosearch off it finds the pairs that went stale, keeps separate contacts, drops pairs no longer matching and counts them', async () => {
    const tenant = await service.newTenant();
    const a = await create(tenant, fabrikam);
    const changed = await create(tenant, { ...fabrikam, name: 'Fabrikam Inc' });
    const c = await create(tenant, contoso);
    const separate = await create(tenant, { ...contoso, name: 'Contoso Limited' });
    expect((await tenant.request('PUT', `/contacts/${c}/duplicates/${separate}`, { body: { separateContacts: true } })).status).toBe(200);
    expect(await proposedPairs(tenant)).toEqual([`${a}|${changed}:12:email,phone`]);

    await autosearchOff(tenant);
    // Search manually: from now on nothing is paired as contacts are created or changed.
    await patch(tenant, changed, { name: 'Northwind Traders', address: '4 Harbour Road', city: 'Tacoma', postCode: '98401', phoneNo: '+1 253 555 0199', email: 'orders@northwind.example' });
    const copy = await create(tenant, { ...fabrikam, name: 'Fabrikam Incorporated' });
    const kim = await create(tenant, { type: 'person', name: 'Kim Abercrombie', mobilePhoneNo: '+1 206 555 0111' });
    const kimAgain = await create(tenant, { type: 'person', name: 'Kimberly Abercrombie', mobilePhoneNo: '+1 (206) 555-0111', email: 'kim@fabrikam.com' });
    const sameEmail = await create(tenant, { name: 'Totally Different Name', email: 'SALES@fabrikam.com' });
    expect(await proposedPairs(tenant)).toEqual([`${a}|${changed}:12:email,phone`]);

    const id = await rebuild(tenant);
    const job = await tenant.waitForJob(id);
    expect(job).toMatchObject({
      status: 'succeeded',
      progress: { done: 8, total: 8 },
      outcome: { contactsIndexed: 8, duplicatePairs: 4, separatePairs: 1 },
      error: null,
    });
    expect(await proposedPairs(tenant)).toEqual(
      [
        // Name "Fabrikam Inc…" (first 5 only), address, city, post code, phone and e-mail: 11 strings.
        `${a}|${copy}:11:email,phone`,
        // The e-mail's two strings match though the rest differs: No. of Matching Strings is a count, found also below the hit %.
        `${a}|${sameEmail}:2:email`,
        `${copy}|${sameEmail}:2:email`,
        // The mobile's two strings and the last five of the name.
        `${kim}|${kimAgain}:3:phone`,
      ].sort(),
    );
    expect((await tenant.request('GET', `/contacts/${c}/duplicates`)).body.items).toEqual([expect.objectContaining({ contactNo: separate, separateContacts: true })]);
    expect((await tenant.request('GET', `/contacts/${kimAgain}/duplicates`)).body.items).toEqual([
      expect.objectContaining({ contactNo: kim, noOfMatchingStrings: 3, exactMatches: ['phone'], separateContacts: false }),
    ]);
    expect((await tenant.request('GET', `/contacts/${changed}/duplicates`)).body.items).toEqual([]);
    // The separate pair still matches: it is one of the pairs a full comparison finds.
    expect(await allPairs(tenant)).toEqual(pairsByComparingEveryContact(await allContacts(tenant), DEFAULT_DUPLICATE_SEARCH_SETUP, 60));
  });

  test('it finds exactly the pairs that comparing every pair of contacts finds, step after step', async () => {
    const tenant = await service.newTenant();
    await autosearchOff(tenant);
    expect((await tenant.request('PATCH', '/setup/marketing', { body: { searchHitPercent: 25 } })).status).toBe(200);
    const pick = <T,>(list: readonly T[], seed: number): T => list[seed % list.length] as T;
    const names = ['Nordlys Handel AB', 'Nordlys AB', 'Fjord Trading AS', 'Fjord AS', 'Bergström Verktyg AB'];
    const streets = ['Storgatan 1', 'Storgatan 12', 'Kungsvägen 3', 'Hamngatan 7'];
    const cities = ['Göteborg', 'Stockholm', 'Oslo'];
    for (let i = 0; i < 30; i++) {
      await create(tenant, {
        name: pick(names, i * 7 + 1),
        address: pick(streets, i * 3 + 2),
        city: pick(cities, i * 5),
        postCode: pick(['41101', '11122', '0150'], i * 11),
        phoneNo: i % 4 === 0 ? '' : `+46 31 ${pick(['100', '200', '300'], i)} 00 ${10 + (i % 5)}`,
      });
    }
    const company = await create(tenant, litware);
    const colleague = await create(tenant, { type: 'person', name: 'Anna Berg', companyNo: company });
    const anna = await create(tenant, { type: 'person', name: 'Anna Bergström', companyNo: company, email: 'anna@litware.se' });
    const namesake = await create(tenant, { type: 'person', name: 'Anna Berg', email: 'ANNA@litware.se' });
    expect(await proposedPairs(tenant)).toEqual([]);

    const job = await tenant.waitForJob(await rebuild(tenant));
    const expected = pairsByComparingEveryContact(await allContacts(tenant), DEFAULT_DUPLICATE_SEARCH_SETUP, 25);
    expect(job).toMatchObject({ status: 'succeeded', progress: { done: 34, total: 34 }, outcome: { contactsIndexed: 34, duplicatePairs: expected.length, separatePairs: 0 } });
    expect(expected.length).toBeGreaterThan(30);
    expect(await proposedPairs(tenant)).toEqual(expected);
    // The same e-mail typed by two persons pairs them; a colleague inheriting the company's address,
    // phone and e-mail is compared on her name alone, which is below the hit %.
    expect(expected.filter((pair) => [colleague, anna, namesake].some((no) => pair.includes(no)))).toEqual([`${anna}|${namesake}:3:email`]);
  });

  test('a second rebuild while one is queued is refused naming it; turning Maintain on names it too; only an admin starts one', async () => {
    const tenant = await service.newTenant();
    await create(tenant, fabrikam);
    const manager = tenant.user({ roles: ['Rapport.Manager'] });
    for (const as of [tenant.user(), manager]) {
      const refused = await tenant.request('POST', '/setup/duplicate-search/rebuild', { as });
      expect([refused.status, refused.body.code, refused.body.details.requiredRole]).toEqual([403, 'forbidden', 'Rapport.Admin']);
    }
    expect((await tenant.request('GET', '/jobs?kind=duplicate-search-rebuild')).body.items).toEqual([]);
    await service.jobs.stop();
    try {
      const id = await rebuild(tenant);
      const second = await tenant.request('POST', '/setup/duplicate-search/rebuild');
      expect([second.status, second.body.code, second.body.details]).toEqual([409, 'conflict', { jobId: id }]);
      expect((await tenant.request('PATCH', '/setup/marketing', { body: { maintainDuplSearchStrings: false } })).body.duplicateSearchRebuild).toBeNull();
      const on = await tenant.request('PATCH', '/setup/marketing', { body: { maintainDuplSearchStrings: true } });
      expect(on.body).toMatchObject({ maintainDuplSearchStrings: true, autosearchForDuplicates: true, duplicateSearchRebuild: { id, status: 'queued' } });
      expect((await tenant.request('GET', `/jobs/${id}`, { as: manager })).body).toMatchObject({ id, status: 'queued', progress: { done: 0, total: null } });
    } finally {
      service.jobs.start();
    }
    const jobs = (await tenant.request('GET', '/jobs?kind=duplicate-search-rebuild')).body.items as { id: string }[];
    expect(jobs).toHaveLength(1);
    expect(await tenant.waitForJob(jobs[0]!.id)).toMatchObject({ status: 'succeeded', outcome: { contactsIndexed: 1, duplicatePairs: 0 } });
  });

  test('turning Maintain on queues a rebuild that indexes the contacts created while it was off', async () => {
    const tenant = await service.newTenant();
    expect((await tenant.request('PATCH', '/setup/marketing', { body: { maintainDuplSearchStrings: false } })).body.autosearchForDuplicates).toBe(false);
    const a = await create(tenant, fabrikam);
    const b = await create(tenant, { ...fabrikam, name: 'Fabrikam Inc' });
    const indexed = await service.db.query('SELECT 1 FROM contact_duplicate_search_string WHERE tenant_id = $1', [tenant.tenantId]);
    expect(indexed).toHaveLength(0);
    const on = await tenant.request('PATCH', '/setup/marketing', { body: { maintainDuplSearchStrings: true } });
    expect(on.body.duplicateSearchRebuild).toMatchObject({ kind: 'duplicate-search-rebuild' });
    expect(await tenant.waitForJob(on.body.duplicateSearchRebuild.id)).toMatchObject({ status: 'succeeded', outcome: { contactsIndexed: 2, duplicatePairs: 1 } });
    expect(await proposedPairs(tenant)).toEqual([`${a}|${b}:12:email,phone`]);
  });

  /** The rebuild, each step slowed down so a test can stop its runner halfway; records the checkpoint each step starts from. */
  const slowRebuild = (started: unknown[]): AnyJobHandler => ({
    ...rebuildJob,
    async step(input) {
      started.push(input.checkpoint);
      await new Promise((resolve) => setTimeout(resolve, 40));
      return rebuildJob.step(input);
    },
  });
  const runner = (handler: AnyJobHandler) => new JobRunner({ db: service.db, handlers: [handler], log: service.app.log, today: () => '2025-03-05', idleMs: 50 });
  async function runUntil(tenant: TestTenant, id: string, handler: AnyJobHandler, done: number) {
    const first = runner(handler);
    first.start();
    while ((await progressOf(tenant, id)).progress.done < done) await new Promise((resolve) => setTimeout(resolve, 10));
    await first.stop();
  }

  test('a rebuild stopped halfway resumes from its checkpoint and includes contacts created and changed in between', async () => {
    const tenant = await service.newTenant();
    await autosearchOff(tenant);
    const fab = await create(tenant, fabrikam);
    const cont = await create(tenant, contoso);
    for (let index = 0; index < 4; index++) {
      await create(tenant, { name: `Tailspin Toys ${index}`, city: 'Oslo', email: `info@tailspin${index}.example` });
      await create(tenant, { type: 'person', name: `Dana Birk ${index}`, mobilePhoneNo: `+47 400 00 00${index}` });
    }
    const lit = await create(tenant, litware);
    const litCopy = await create(tenant, { ...litware, name: 'Litware Sverige AB' });
    await service.jobs.stop();
    try {
      const id = await rebuild(tenant);
      const started: unknown[] = [];
      await runUntil(tenant, id, slowRebuild(started), CONTACTS_PER_STEP);
      const halfway = await progressOf(tenant, id);
      expect(halfway.status).toBe('running');
      expect(halfway.progress.total).toBe(12);
      expect(halfway.progress.done).toBeGreaterThanOrEqual(3);
      expect(halfway.progress.done).toBeLessThan(12);
      const checkpoint = `CT${String(halfway.progress.done).padStart(6, '0')}`;

      // Between the runners: Contoso becomes a copy of Fabrikam, both behind the checkpoint, and
      // Litware's copy, not reached yet, stops being one. And a new copy of Litware.
      await patch(tenant, cont, { ...fabrikam, name: 'Fabrikam Incorporated' });
      await patch(tenant, litCopy, { name: 'Adventure Works', address: 'Hamngatan 1', phoneNo: '+46 8 555 12 34', email: 'hello@adventure-works.example' });
      const late = await create(tenant, { ...litware, name: 'Litware Group AB' });

      const resumed: unknown[] = [];
      const second = runner(slowRebuild(resumed));
      second.start();
      const job = await tenant.waitForJob(id);
      await second.stop();
      expect(resumed[0]).toMatchObject({ after: checkpoint, done: halfway.progress.done, total: 12 });
      expect(resumed.filter((step) => step === null)).toEqual([]);
      expect(job).toMatchObject({ status: 'succeeded', progress: { done: 13, total: 13 }, outcome: { contactsIndexed: 13 } });
      const expected = pairsByComparingEveryContact(await allContacts(tenant), DEFAULT_DUPLICATE_SEARCH_SETUP, 60);
      expect(expected.map((pair) => pair.split(':')[0])).toEqual([`${fab}|${cont}`, `${lit}|${late}`]);
      expect(await proposedPairs(tenant)).toEqual(expected);
      expect(job.outcome.duplicatePairs).toBe(2);
    } finally {
      service.jobs.start();
    }
  });

  test('a search setup changed while a rebuild is under way starts it over with the new setup', async () => {
    const tenant = await service.newTenant();
    await autosearchOff(tenant);
    // More than three steps' worth, so the runner stopped after the first step has not finished.
    for (let i = 0; i < 15; i++) await create(tenant, { name: `Nordlys ${i % 3 === 0 ? 'Handel' : 'Trading'} ${i}`, city: i % 2 === 0 ? 'Bergen' : 'Oslo' });
    await service.jobs.stop();
    try {
      const id = await rebuild(tenant);
      const started: unknown[] = [];
      await runUntil(tenant, id, slowRebuild(started), CONTACTS_PER_STEP);
      const rows = [
        { field: 'name', part: 'first', length: 5 },
        { field: 'city', part: 'first', length: 5 },
      ] as const;
      const put = await tenant.request('PUT', '/setup/duplicate-search', { body: { rows } });
      expect(put.status).toBe(200);
      expect(put.body.rebuild).toMatchObject({ id, status: 'running' });
      const second = runner(slowRebuild(started));
      second.start();
      const job = await tenant.waitForJob(id);
      await second.stop();
      const expected = pairsByComparingEveryContact(await allContacts(tenant), rows, 60);
      // "NORDL" and the city: each of the 8 contacts in Bergen pairs with the 7 others, each of the 7 in Oslo with the 6 others.
      expect(expected).toHaveLength(28 + 21);
      expect(job).toMatchObject({ status: 'succeeded', progress: { done: 15, total: 15 }, outcome: { contactsIndexed: 15, duplicatePairs: 49 } });
      expect(await proposedPairs(tenant)).toEqual(expected);
    } finally {
      service.jobs.start();
    }
  });
});
