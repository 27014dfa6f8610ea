/**
 * The web console end to end: the console as `npx webpack --mode development` builds it, the real
 * service process in dev mode (PGlite, demo data), headless Chromium. Each test opens the console
 * in its own browser context, so every one starts signed out, as on a fresh device.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { browserTestFor, buildConsole, consoleLook, demoUsers, haveChromium, seriousViolations, signInAs, useBrowserHarness, writeScreenshot, type DemoUser, type Opened } from './browser-harness';
import { apiGet, devToken } from './preview-driver';

const browserTest = browserTestFor(__filename);

// A build and a service start are in beforeAll; each test signs in on a fresh context.
jest.setTimeout(120_000);

const harness = useBrowserHarness(buildConsole);
let admin: DemoUser;
let salesperson: DemoUser;
let manager: DemoUser;

beforeAll(async () => {
  if (haveChromium) ({ admin, salesperson, manager } = await demoUsers(harness.origin()));
});

/** A console address in a new browser context (English, the given look), with uncaught errors and API requests recorded. */
const open = (pathname: string, look: 'light' | 'dark' = 'light'): Promise<Opened> => harness.open(pathname, consoleLook(look));

const origin = (): string => harness.origin();

browserTest('an administrator signs in, changes Marketing Setup, and a reload shows it saved', async () => {
  const { page, errors, requests } = await open('/console/');
  await page.getByRole('heading', { level: 1, name: 'Sign in to Rapport' }).waitFor();
  await signInAs(page, admin);

  const nav = page.getByRole('navigation', { name: 'Console' });
  await nav.getByRole('link', { name: 'Marketing Setup' }).click();
  await page.getByRole('heading', { level: 1, name: 'Marketing Setup' }).waitFor();
  expect(page.url()).toBe(`${origin()}/console/setup/marketing`);
  const hitPercent = page.getByLabel('Search Hit %');
  expect(await hitPercent.inputValue()).toBe('60');
  await hitPercent.fill('72');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Marketing Setup is saved.').waitFor();

  // Only the field that changed went to the service, and the service keeps it.
  expect(requests.filter((request) => request.method === 'PATCH').map((request) => [request.url, JSON.parse(request.body ?? 'null')])).toEqual([
    ['/api/v1/setup/marketing', { searchHitPercent: 72 }],
  ]);
  const token = await devToken(origin(), admin.email);
  expect((await apiGet<{ searchHitPercent: number }>(origin(), token, '/setup/marketing')).searchHitPercent).toBe(72);

  // A reload of the deep link keeps the user signed in and shows the saved value.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Marketing Setup' }).waitFor();
  await page.getByLabel('Search Hit %').and(page.locator('[value="72"]')).waitFor();
  expect(errors).toEqual([]);
});

browserTest('a salesperson sees no setup, and opening Marketing Setup directly says it needs an administrator', async () => {
  const { page, errors, requests } = await open('/console/');
  await signInAs(page, salesperson);
  const nav = page.getByRole('navigation', { name: 'Console' });
  expect(await nav.getByRole('link').allInnerTexts()).toEqual(['Home', 'Contact list', 'Contact Duplicates', 'Campaigns']);

  await page.goto(`${origin()}/console/setup/marketing`);
  await page.getByRole('heading', { level: 1, name: 'Marketing Setup' }).waitFor();
  await page.getByText('This page needs an administrator').waitFor();
  await page.getByText('Your account does not have the Rapport.Admin role.', { exact: false }).waitFor();
  expect(await page.getByRole('button', { name: 'Save' }).count()).toBe(0);
  expect(requests.filter((request) => request.url.includes('/setup/marketing'))).toEqual([]);
  expect(errors).toEqual([]);
});

browserTest('the sign-in page, the start page and Marketing Setup have no serious or critical axe violations, in light and in dark; Discard puts the setup back; a screenshot for the README', async () => {
  // Every screen in both looks is scanned before the verdict, so one failure does not hide the others.
  const found: Record<string, string[]> = {};
  for (const look of ['light', 'dark'] as const) {
    const { page } = await open('/console/', look);
    await page.getByRole('button', { name: `Sign in as ${admin.name}` }).waitFor();
    found[`${look}: sign-in`] = await seriousViolations(page);
    await signInAs(page, admin);
    found[`${look}: start page`] = await seriousViolations(page);
    await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Marketing Setup' }).click();
    await page.getByRole('button', { name: 'Save' }).waitFor();
    if (look === 'light') await writeScreenshot(page, 'console-marketing-setup.png');
    const savedHitPercent = await page.getByLabel('Search Hit %').inputValue();
    const background = await page.locator('main').evaluate((main) => getComputedStyle(main).backgroundColor);
    expect([look, background]).toEqual([look, look === 'dark' ? 'rgb(41, 41, 41)' : 'rgb(255, 255, 255)']);
    found[`${look}: Marketing Setup`] = await seriousViolations(page);
    // A field error, and the coupled flags' note, are part of the page too.
    await page.getByLabel('Search Hit %').fill('0');
    await page.getByLabel('Maintain Dupl. Search Strings').click();
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Enter a whole number from 1 to 100.').waitFor();
    found[`${look}: Marketing Setup with errors`] = await seriousViolations(page);
    if (look === 'light') {
      await page.getByRole('button', { name: 'Discard changes' }).click();
      expect(await page.getByLabel('Maintain Dupl. Search Strings').isChecked()).toBe(true);
      expect(await page.getByLabel('Autosearch for Duplicates').isChecked()).toBe(true);
      expect(await page.getByLabel('Search Hit %').inputValue()).toBe(savedHitPercent);
    }
  }
  expect(found).toEqual({
    'light: sign-in': [],
    'light: start page': [],
    'light: Marketing Setup': [],
    'light: Marketing Setup with errors': [],
    'dark: sign-in': [],
    'dark: start page': [],
    'dark: Marketing Setup': [],
    'dark: Marketing Setup with errors': [],
  });
});

/** A CSV of `count` new companies, each with an external id (so that a second import finds them), `bad` of them with an e-mail no service takes. */
function importFile(count: number, bad: number): { file: string; badRows: number[] } {
  const badRows: number[] = [];
  const lines = ['External ID,Name,City,E-mail'];
  for (let index = 1; index <= count; index += 1) {
    const isBad = index % Math.floor(count / bad) === 0 && badRows.length < bad;
    if (isBad) badRows.push(index + 1);
    lines.push(`E2E-${String(index).padStart(5, '0')},Ekvator Import ${String(index).padStart(5, '0')} AB,Importstad,${isBad ? `not-an-address-${index}` : `order${index}@ekvator-import.example`}`);
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-e2e-import-')), 'contacts.csv');
  fs.writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return { file, badRows };
}

/** The counts an import page shows (its `dl` of outcome and number). */
async function shownCounts(page: Page, region: string): Promise<Record<string, string>> {
  const section = page.getByRole('region', { name: region });
  const terms = await section.locator('dt').allInnerTexts();
  const values = await section.locator('dd').allInnerTexts();
  return Object.fromEntries(terms.map((term, index) => [term, values[index] ?? '']));
}

browserTest('a manager imports 2,000 contacts with 20 bad rows: 1,980 are created and 20 refused with their reasons to download; the same file again creates nothing', async () => {
  const { file, badRows } = importFile(2000, 20);
  const { page, errors } = await open('/console/');
  await signInAs(page, manager);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Import contacts' }).click();
  await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();

  const importOnce = async () => {
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByText('Proposed from', { exact: false }).waitFor();
    expect(await page.getByRole('combobox', { name: 'Contact field: E-mail' }).inputValue()).toBe('email');
    expect(await page.getByRole('combobox', { name: 'Contact field: External ID' }).inputValue()).toBe('externalId');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { level: 2, name: 'What the import would do' }).waitFor({ timeout: 60_000 });
    const dryRun = await shownCounts(page, 'What the import would do');
    await page.getByRole('button', { name: 'Run the import' }).click();
    await page.getByRole('progressbar').waitFor();
    await page.getByRole('heading', { level: 2, name: 'The import is done' }).waitFor({ timeout: 90_000 });
    return { dryRun, result: await shownCounts(page, 'The import is done') };
  };

  const first = await importOnce();
  expect(first.dryRun).toEqual({ Created: '1,980', Updated: '0', Unchanged: '0', 'Likely duplicate': '0', Refused: '20' });
  expect(first.result).toEqual({ Created: '1,980', Updated: '0', Unchanged: '0', 'Skipped as likely duplicates': '0', Refused: '20' });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the refused rows (CSV)' }).click()]);
  expect(download.suggestedFilename()).toBe('refused-rows.csv');
  const refused = fs.readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  expect(refused).toHaveLength(21);
  expect(refused[0]).toBe('reason,External ID,Name,City,E-mail');
  expect(refused.slice(1).every((line) => /not-an-address-\d+$/.test(line))).toBe(true);
  expect(badRows).toHaveLength(20);

  // The same file again: every good row matches its contact by external id and is unchanged.
  await page.getByRole('button', { name: 'Import another file' }).click();
  const second = await importOnce();
  expect(second.dryRun).toEqual({ Created: '0', Updated: '0', Unchanged: '1,980', 'Likely duplicate': '0', Refused: '20' });
  expect(second.result).toEqual({ Created: '0', Updated: '0', Unchanged: '1,980', 'Skipped as likely duplicates': '0', Refused: '20' });

  const token = await devToken(origin(), manager.email);
  const imported = await apiGet<{ items: { no: string }[]; next: string | null }>(origin(), token, '/contacts?q=EKVATOR%20IMPORT&limit=500');
  expect(imported.items).toHaveLength(500);
  expect(errors).toEqual([]);
}, 240_000);

browserTest('a manager’s export of a filtered contact list holds exactly the contacts the list shows', async () => {
  const { page, errors } = await open('/console/');
  await signInAs(page, manager);
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Contact list' }).click();
  await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
  const listed = new Set<string>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname === '/api/v1/contacts' && url.searchParams.get('countryRegionCode') === 'NO' && response.ok()) {
      void response.json().then((body: { items: { no: string }[] }) => body.items.forEach((contact) => listed.add(contact.no)));
    }
  });
  await page.getByRole('combobox', { name: 'Type' }).selectOption('company');
  await page.getByRole('combobox', { name: 'Country/region' }).selectOption('NO');
  const status = page.getByText(/^Contacts: \d+$/);
  await status.waitFor();
  const count = Number((await status.innerText()).replace('Contacts: ', ''));
  expect(count).toBeGreaterThan(0);
  expect(page.url()).toBe(`${origin()}/console/contacts?type=company&countryRegionCode=NO`);
  const shownNumbers = await page.getByRole('table', { name: 'Contacts' }).locator('tbody tr:not([aria-hidden]) td:first-child').allInnerTexts();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to CSV' }).click()]);
  expect(download.suggestedFilename()).toBe('contacts.csv');
  const lines = fs.readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const header = (lines[0] ?? '').split(',');
  const exported = lines.slice(1).map((line) => line.split(',')[0] ?? '');
  expect(header.slice(0, 3)).toEqual(['no', 'type', 'name']);
  expect(exported).toHaveLength(count);
  expect(new Set(exported)).toEqual(listed);
  expect(shownNumbers.every((no) => exported.includes(no))).toBe(true);
  expect(lines.slice(1).every((line) => line.split(',')[1] === 'company')).toBe(true);
  expect(errors).toEqual([]);
});

browserTest('the contact pages have no serious or critical axe violations, in light and in dark; screenshots for the README', async () => {
  const found: Record<string, string[]> = {};
  const token = await devToken(origin(), admin.email);
  const companies = await apiGet<{ items: { no: string; name: string; email: string }[] }>(origin(), token, '/contacts?type=company&limit=5');
  // A company with an e-mail: entering it again is a likely duplicate by that e-mail.
  const company = companies.items.find((candidate) => candidate.email !== '')!;
  for (const look of ['light', 'dark'] as const) {
    const { page } = await open('/console/', look);
    await signInAs(page, admin);
    const nav = page.getByRole('navigation', { name: 'Console' });

    await nav.getByRole('link', { name: 'Contact list' }).click();
    await page.getByText(/^Contacts shown: \d+\. More follow as you scroll\.$|^Contacts: \d+$/).waitFor();
    if (look === 'light') await writeScreenshot(page, 'console-contact-list.png');
    found[`${look}: contact list`] = await seriousViolations(page);

    await page.getByRole('table', { name: 'Contacts' }).getByRole('link', { name: company.name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: company.name }).waitFor();
    await page.getByRole('region', { name: 'Persons' }).getByText(/./).first().waitFor();
    await page.getByRole('region', { name: 'Interactions' }).getByText(/./).first().waitFor();
    if (look === 'light') await writeScreenshot(page, 'console-contact-card.png');
    found[`${look}: contact card`] = await seriousViolations(page);

    await page.getByRole('link', { name: 'New person at this company' }).click();
    await page.getByRole('heading', { level: 1, name: 'New contact' }).waitFor();
    await page.getByRole('radio', { name: 'Company' }).check();
    await page.getByLabel('Name', { exact: true }).fill(company.name);
    await page.getByLabel('Email', { exact: true }).fill(company.email);
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('This contact may already be there').waitFor();
    if (look === 'light') await writeScreenshot(page, 'console-new-contact-duplicates.png');
    found[`${look}: new contact, likely duplicates`] = await seriousViolations(page);
    await page.getByRole('button', { name: 'Keep editing' }).click();
    await page.getByLabel('Email', { exact: true }).fill('not an address');
    await page.getByRole('button', { name: 'Save contact' }).click();
    await page.getByText('Nothing was saved. What you typed is kept: correct the fields marked and save again.').waitFor();
    found[`${look}: new contact, a field error`] = await seriousViolations(page);

    await nav.getByRole('link', { name: 'Contact Duplicates' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contact Duplicates' }).waitFor();
    await page.getByText(/^Pairs: \d+$|^No pairs to review\.$/).waitFor();
    if (look === 'light') await writeScreenshot(page, 'console-contact-duplicates.png');
    found[`${look}: contact duplicates`] = await seriousViolations(page);
    if ((await page.getByRole('button', { name: /^Compare: / }).count()) > 0) {
      await page.getByRole('button', { name: /^Compare: / }).first().click();
      await page.getByRole('dialog').getByText(/^Matching search strings: \d+\./).waitFor();
      found[`${look}: contact duplicates, compared`] = await seriousViolations(page);
      await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
    } else {
      found[`${look}: contact duplicates, compared`] = ['the demo tenant has no duplicate pair to compare'];
    }

    await nav.getByRole('link', { name: 'Import contacts' }).click();
    await page.getByRole('heading', { level: 1, name: 'Import contacts' }).waitFor();
    const { file } = importFile(40, 2);
    await page.getByLabel('CSV file').setInputFiles(file);
    await page.getByRole('button', { name: 'Check the file' }).waitFor();
    found[`${look}: import, mapping`] = await seriousViolations(page);
    if (look === 'light') await writeScreenshot(page, 'console-contact-import.png');
    await page.getByRole('button', { name: 'Check the file' }).click();
    await page.getByRole('heading', { level: 2, name: 'What the import would do' }).waitFor();
    await page.getByRole('table', { name: 'Rows of the file' }).waitFor();
    found[`${look}: import, dry run`] = await seriousViolations(page);
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByLabel('CSV file').waitFor();
  }
  const expected = Object.fromEntries(Object.keys(found).map((key) => [key, []]));
  expect(Object.keys(found)).toHaveLength(16);
  expect(found).toEqual(expected);
}, 240_000);
