/**
 * End to end through the mailbox preview: the add-in as `npx webpack --mode development` builds
 * it, the real service process in dev mode (PGlite, demo data), headless Chromium. Each test opens
 * the preview in its own browser context, so every pane starts with an empty IndexedDB and its own
 * outbox, as on a fresh device.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { browserTestFor, haveChromium, seriousViolations as violationsIn, useBrowserHarness, writeScreenshot, type Opened as OpenedPage } from './browser-harness';
import {
  apiGet,
  buildAddin,
  commandRegistered,
  deviceColumn,
  devToken,
  eventually,
  loggedOnServer,
  paneFrame,
  paneFrameObject,
  PREVIEW_USER,
  previewUrl,
  selectMessage,
  type PreviewOptions,
} from './preview-driver';

const browserTest = browserTestFor(__filename);

/** Sample messages (src/preview/sample-inbox.ts) and what the demo data says about their senders. */
const MSG = {
  knownJonas: { id: 'sv-offert-hydraulslangar', internetMessageId: '<sample-sv-offert-hydraulslangar@bergman-hydraulik.example>' },
  newKimEk: { id: 'sv-kim-ek-plus-address', address: 'KIM.EK+CRM@bergman-hydraulik.example' },
  newLukas: { id: 'de-neuer-kontakt' },
  secondDevice: { id: 'nb-fraktavtale', internetMessageId: '<sample-nb-fraktavtale@haugen-transport.example>' },
  offline: { id: 'da-staalprofiler', internetMessageId: '<sample-da-staalprofiler@lauridsen-industri.example>' },
  reload: { id: 'fi-toimitusaikataulu', internetMessageId: '<sample-fi-toimitusaikataulu@heikkisen-teras.example>' },
  // Opportunities sync only to their salesperson (docs/sync.md): Jonas Isaksson's are Astrid's.
  opportunity: { id: 'sv-offert-hydraulslangar', contactName: 'Jonas Isaksson', email: 'j.isaksson@bergman-hydraulik.example' },
  ribbon: { id: 'nl-offerte-kabelgoten', internetMessageId: '<sample-nl-offerte-kabelgoten@hollandse-metaal.example>' },
  hostileHtml: ['de-html-lieferung', 'nl-html-nieuwsbrief'],
} as const;

// Two builds and a service start are in beforeAll; each test drives a fresh pane.
jest.setTimeout(120_000);

const harness = useBrowserHarness(() => buildAddin('development'));
let token = '';

beforeAll(async () => {
  if (haveChromium) token = await devToken(harness.origin(), PREVIEW_USER.email);
});

type Opened = Pick<OpenedPage, 'page' | 'errors' | 'dialogs'> & { pane: FrameLocator };

/** The preview in a new browser context, with the page's uncaught errors and dialogs recorded. */
async function openPreview(options: PreviewOptions = {}): Promise<Opened> {
  // dist/ is shared: a production build run meanwhile (npm run build) removes the preview.
  const paneHtml = await fetch(`${harness.origin()}/preview/pane.html`);
  if (!paneHtml.ok) throw new Error(`GET /preview/pane.html answered ${paneHtml.status}: dist/preview is gone, most likely replaced by a production build of the add-in during this run`);
  const { page, errors, dialogs } = await harness.open(null);
  await page.goto(previewUrl(harness.origin(), options));
  return { page, pane: paneFrame(page), errors, dialogs };
}

const origin = (): string => harness.origin();

/** The card's "Contact details" as term → definition pairs. */
async function contactDetails(pane: FrameLocator): Promise<Record<string, string>> {
  const details = pane.getByLabel('Contact details');
  const terms = await details.getByRole('term').allInnerTexts();
  const definitions = await details.getByRole('definition').allInnerTexts();
  return Object.fromEntries(terms.map((term, index) => [term.trim(), (definitions[index] ?? '').trim()]));
}

const interactionCount = async (internetMessageId: string) => (await loggedOnServer(origin(), token, internetMessageId)).interactions.length;

/** Waits until the server holds exactly `count` interactions for the message (and says how many it saw otherwise). */
async function expectServerInteractions(internetMessageId: string, count: number): Promise<void> {
  let seen = -1;
  await eventually(`${count} interaction(s) on the server for ${internetMessageId}`, async () => {
    seen = await interactionCount(internetMessageId);
    return seen === count ? true : undefined;
  }).catch((error: unknown) => {
    throw new Error(`${String(error)}; the server has ${seen}`);
  });
}

/** "Sync now" in a pane's footer: a push and a pull, as the user would ask for one. */
const syncNow = (pane: FrameLocator) => pane.getByRole('contentinfo', { name: 'Sync status' }).getByRole('button', { name: 'Sync now' }).click();

const setOnline = (page: Page, online: boolean, device = 1) => deviceColumn(page, device).getByRole('checkbox', { name: 'Online' }).setChecked(online);

browserTest('identifies a known sender: name, company and salesperson from the cache', async () => {
  const { pane, errors } = await openPreview({ item: MSG.knownJonas.id });
  await pane.getByRole('heading', { name: 'Jonas Isaksson' }).waitFor();
  await pane.getByText('VD · Bergman Hydraulik AB', { exact: true }).waitFor();
  const details = await contactDetails(pane);
  expect(details.Salesperson).toBe('Astrid Lindqvist');
  expect(details['E-mail']).toBe('j.isaksson@bergman-hydraulik.example');
  // Not offered to be added: the sender is a contact.
  expect(await pane.getByRole('button', { name: /as contact$/ }).count()).toBe(0);
  expect(errors).toEqual([]);
});

browserTest('adds an unknown sender at a known company: name split, company proposed, duplicate warned, then saved', async () => {
  const { page, pane, errors } = await openPreview({ item: MSG.newKimEk.id });
  await pane.getByText(`${MSG.newKimEk.address} is not a contact yet.`).waitFor();
  await pane.getByRole('button', { name: 'Add Kim Ek as contact' }).click();

  const form = pane.getByRole('form', { name: 'New contact' });
  await form.waitFor();
  expect(await form.getByRole('textbox', { name: 'First name' }).inputValue()).toBe('Kim');
  expect(await form.getByRole('textbox', { name: 'Middle name' }).inputValue()).toBe('');
  expect(await form.getByRole('textbox', { name: 'Surname' }).inputValue()).toBe('Ek');
  // The pane keeps the plus part but lower-cases the address, as it matches addresses.
  expect(await form.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(MSG.newKimEk.address.toLowerCase());
  // The company is proposed once the cache holds it (a first sync may still be filling it).
  await form.getByText('Proposed from the domain bergman-hydraulik.example.').waitFor();
  const company = form.getByRole('combobox', { name: 'Company' });
  expect(await company.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('Bergman Hydraulik AB');

  // No sample sender duplicates an existing contact (every new-at-known-company sender has a name
  // and address of its own), so the near-duplicate is made here: the address of Fredrik Mattsson
  // (CT000055, same company) typed into the form, which the service reports as the same e-mail.
  await form.getByRole('textbox', { name: 'E-mail' }).fill('f.mattsson@bergman-hydraulik.example');
  await form.getByRole('button', { name: 'Save contact' }).click();
  await form.getByText('These contacts look like the one you are adding:').waitFor();
  await form.getByText('Fredrik Mattsson (CT000055) · same e-mail').waitFor();
  await form.getByRole('button', { name: 'Save anyway' }).waitFor();
  // The check before saving stores nothing.
  const sameEmail = await apiGet<{ items: { no: string }[] }>(origin(), token, `/contacts?email=${encodeURIComponent('f.mattsson@bergman-hydraulik.example')}`);
  expect(sameEmail.items.map((contact) => contact.no)).toEqual(['CT000055']);

  // The user backs out and adds the sender as they are. Offline for the save, so the pending state
  // is certain to be seen (online, the push may beat the first paint of it).
  await form.getByRole('button', { name: 'Cancel' }).click();
  await pane.getByRole('button', { name: 'Add Kim Ek as contact' }).click();
  await setOnline(page, false);
  const again = pane.getByRole('form', { name: 'New contact' });
  expect(await again.getByRole('textbox', { name: 'E-mail' }).inputValue()).toBe(MSG.newKimEk.address.toLowerCase());
  await again.getByRole('button', { name: 'Save contact' }).click();

  await pane.getByRole('heading', { name: 'Kim Ek' }).waitFor();
  await pane.getByText('Waiting to sync', { exact: true }).waitFor();
  await pane.getByText('Bergman Hydraulik AB', { exact: true }).waitFor();

  await setOnline(page, true);
  await pane.getByText('Waiting to sync', { exact: true }).waitFor({ state: 'detached', timeout: 20_000 });
  await pane.getByRole('heading', { name: 'Kim Ek' }).waitFor();
  const saved = await eventually('Kim Ek on the server', async () => {
    const reply = await apiGet<{ items: { no: string; name: string; companyNo: string; firstName: string; surname: string }[] }>(origin(), token, `/contacts?email=${encodeURIComponent(MSG.newKimEk.address)}`);
    return reply.items.length > 0 ? reply.items : undefined;
  });
  expect(saved).toHaveLength(1);
  expect(saved[0]).toMatchObject({ name: 'Kim Ek', firstName: 'Kim', surname: 'Ek', companyNo: 'CT000002' });
  // Confirmed: the card is the contact's (its tabs show only for a contact with a number).
  await pane.getByRole('tablist', { name: 'Contact information' }).waitFor();
  expect(errors).toEqual([]);
});

browserTest('a message logged on one device shows "Logged" on the second', async () => {
  const { page, pane, errors } = await openPreview({ item: MSG.secondDevice.id, devices: 2 });
  const second = paneFrame(page, 2);
  await second.getByRole('heading', { name: 'Ragnhild Lie' }).waitFor();
  await second.getByRole('button', { name: 'Log e-mail' }).waitFor();

  await pane.getByRole('heading', { name: 'Ragnhild Lie' }).waitFor();
  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  await pane.getByText(/^Logged by you/).waitFor({ timeout: 20_000 });
  await expectServerInteractions(MSG.secondDevice.internetMessageId, 1);

  // Device 2 pulls every minute; "Sync now" asks for the pull a user waiting on it would ask for.
  await syncNow(second);
  await second.getByText(/^Logged by you/).waitFor({ timeout: 20_000 });
  expect(await second.getByRole('button', { name: 'Log e-mail' }).count()).toBe(0);
  expect(errors).toEqual([]);
});

browserTest('logged offline, sent once on reconnect: exactly one interaction on the server', async () => {
  const { page, pane, errors } = await openPreview({ item: MSG.offline.id });
  await pane.getByRole('heading', { name: 'Lars Søndergaard' }).waitFor();
  await setOnline(page, false);
  await pane.getByRole('contentinfo', { name: 'Sync status' }).getByText('Offline').first().waitFor();
  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  await pane.getByText('Logged, waiting to sync', { exact: true }).waitFor();
  // Nothing can have reached the server while the pane was offline.
  expect(await interactionCount(MSG.offline.internetMessageId)).toBe(0);

  await setOnline(page, true);
  await pane.getByText(/^Logged by you/).waitFor({ timeout: 20_000 });
  await expectServerInteractions(MSG.offline.internetMessageId, 1);
  // Another push and pull must not send the log again.
  await syncNow(pane);
  await pane.getByRole('contentinfo', { name: 'Sync status' }).getByText(/^Synced/).waitFor();
  expect(await interactionCount(MSG.offline.internetMessageId)).toBe(1);
  expect(errors).toEqual([]);
});

browserTest('a pending outbox survives a reload of the pane and is sent once online', async () => {
  const { page, pane, errors } = await openPreview({ item: MSG.reload.id });
  await pane.getByRole('heading', { name: 'Mikko Kärkkäinen' }).waitFor();
  await setOnline(page, false);
  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  await pane.getByText('Logged, waiting to sync', { exact: true }).waitFor();

  const reloaded = page.waitForEvent('framenavigated', { predicate: (frame) => frame.url().includes('/preview/pane.html?device=1') });
  await deviceColumn(page).getByRole('button', { name: 'Reload' }).click();
  await reloaded;
  // Still offline after the reload: the log is read back from the outbox in IndexedDB.
  await pane.getByRole('heading', { name: 'Mikko Kärkkäinen' }).waitFor();
  await pane.getByText('Logged, waiting to sync', { exact: true }).waitFor();
  expect(await interactionCount(MSG.reload.internetMessageId)).toBe(0);

  await setOnline(page, true);
  await pane.getByText(/^Logged by you/).waitFor({ timeout: 20_000 });
  await expectServerInteractions(MSG.reload.internetMessageId, 1);
  await syncNow(pane);
  await pane.getByRole('contentinfo', { name: 'Sync status' }).getByText(/^Synced/).waitFor();
  expect(await interactionCount(MSG.reload.internetMessageId)).toBe(1);
  expect(errors).toEqual([]);
});

browserTest('advances an opportunity to the next stage and shows the new stage', async () => {
  type Opportunity = { no: string; description: string; currentStage: number; currentStageDescription: string; closed: boolean; allowedActions: string[] };
  const contacts = await apiGet<{ items: { no: string }[] }>(origin(), token, `/contacts?email=${encodeURIComponent(MSG.opportunity.email)}`);
  const contactNo = contacts.items[0]?.no ?? '';
  const opportunitiesOf = async () => (await apiGet<{ items: Opportunity[] }>(origin(), token, `/contacts/${contactNo}/opportunities`)).items;
  const before = (await opportunitiesOf()).find((opportunity) => !opportunity.closed && opportunity.allowedActions.includes('next'));
  if (before === undefined) throw new Error(`the demo data gives ${contactNo} no open opportunity that can move to its next stage`);

  const { pane, errors } = await openPreview({ item: MSG.opportunity.id });
  await pane.getByRole('heading', { name: MSG.opportunity.contactName }).waitFor();
  const panel = pane.getByRole('tabpanel', { name: 'Opportunities' });
  const card = panel.getByRole('listitem').filter({ hasText: before.description });
  await card.getByText(`Stage ${before.currentStage}: ${before.currentStageDescription}`, { exact: true }).waitFor();

  await card.getByRole('group', { name: `Actions for ${before.description}` }).getByRole('button', { name: 'Next stage' }).click();
  const dialog = pane.getByRole('dialog', { name: `Next stage: ${before.description}` });
  await dialog.waitFor();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });

  const after = await eventually('the opportunity at its next stage on the server', async () => {
    const found = (await opportunitiesOf()).find((opportunity) => opportunity.no === before.no);
    return found !== undefined && found.currentStage !== before.currentStage ? found : undefined;
  });
  expect(after.currentStage).toBe(before.currentStage + 1);
  await card.getByText(`Stage ${after.currentStage}: ${after.currentStageDescription}`, { exact: true }).waitFor({ timeout: 20_000 });
  expect(await card.getByText(`Stage ${before.currentStage}: ${before.currentStageDescription}`, { exact: true }).count()).toBe(0);
  expect(errors).toEqual([]);
});

browserTest('the ribbon\'s "Log email" runs the function command: a notice on the item, the interaction on the server', async () => {
  const { page, errors } = await openPreview({ item: MSG.ribbon.id });
  await commandRegistered(page, 'logEmail');
  await page.getByRole('toolbar', { name: 'Outlook ribbon' }).getByRole('button', { name: 'Log email', exact: true }).click();
  await page.getByRole('status').getByText('Log email: done.').waitFor({ timeout: 30_000 });
  const notice = page.locator('.notices [data-notice-key]');
  await notice.filter({ hasText: 'Rapport: email logged.' }).waitFor();
  await expectServerInteractions(MSG.ribbon.internetMessageId, 1);
  // The pane of the same mailbox sees it too, from the server.
  const pane = paneFrame(page);
  await pane.getByRole('heading', { name: 'Mirjam Brouwer' }).waitFor();
  await syncNow(pane);
  await pane.getByText(/^Logged by you/).waitFor({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

browserTest('scripts in a message stay inert: no dialog, no global, no script element from the message', async () => {
  const { page, pane, errors, dialogs } = await openPreview({ item: MSG.hostileHtml[0] });
  // A hostile subject too: none of the samples has one, so a draft gets it and is sent.
  // Under 100 characters, so the interaction's description keeps all of it.
  const hostileSubject = '<img src=x onerror="top.__pwned=1"><script>top.__pwned=2</script>';
  for (const id of MSG.hostileHtml) {
    await selectMessage(page, id);
    await pane.getByRole('heading', { name: id === 'de-html-lieferung' ? 'Ralf Brandt' : 'Mark Dekker' }).waitFor();
    // What a reader does with a message: move over it, click in it, tab to its link and press
    // Enter. Mouse and keyboard only: the sandbox runs no script, so Playwright cannot reach into
    // that frame's elements.
    const box = await page.locator('iframe[title="Message body"]').boundingBox();
    if (box === null) throw new Error(`the body of ${id} is not on the screen`);
    for (let step = 1; step <= 10; step++) await page.mouse.move(box.x + box.width / 2, box.y + (box.height * step) / 11);
    await page.mouse.click(box.x + 20, box.y + 20);
    for (let tab = 0; tab < 3; tab++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    // Logging takes the body's text into the interaction: the pane reads it, must not run it.
    await pane.getByRole('button', { name: 'Log e-mail' }).click();
    await pane.getByText(/^Logged/).first().waitFor({ timeout: 20_000 });
  }

  await commandRegistered(page, 'onMessageSendHandler');
  await page.getByRole('toolbar', { name: 'Outlook ribbon' }).getByRole('button', { name: 'New message' }).click();
  await page.getByLabel('To', { exact: true }).fill('Lars Søndergaard <lars.sondergaard@lauridsen-industri.example>');
  await page.getByLabel('Subject', { exact: true }).fill(hostileSubject);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('heading', { name: hostileSubject }).waitFor({ timeout: 30_000 });
  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  await pane.getByText(/^Logged/).first().waitFor({ timeout: 20_000 });
  // The history shows the subject as text.
  await selectMessage(page, 'da-staalprofiler');
  await pane.getByRole('heading', { name: 'Lars Søndergaard' }).waitFor();
  await pane.getByRole('tab', { name: 'History' }).click();
  await pane.getByRole('tabpanel', { name: 'History' }).getByText(hostileSubject).first().waitFor({ timeout: 20_000 });

  // Give any handler that escaped a moment to run before looking.
  await page.waitForTimeout(500);
  expect(dialogs).toEqual([]);
  for (const frame of page.frames()) {
    const url = frame.url();
    // The message bodies are opaque sandboxed documents (about:srcdoc and what they nest): no
    // script runs in them at all, and nothing in them can reach the preview's own frames.
    if (!url.startsWith(origin())) continue;
    const found = await frame.evaluate(() => {
      const globalNames = Object.keys(window).filter((name) => /pwn|hack/i.test(name));
      const hacked = document.body?.dataset.hacked;
      const scripts = [...document.querySelectorAll('script')].filter((script) => /hacked|pwned|tracker\.js/.test(`${script.src} ${script.textContent ?? ''}`)).length;
      const handlers = [...document.querySelectorAll('[onerror], [onload], [onmouseover], [onclick]')].length;
      return { globalNames, hacked: hacked ?? null, scripts, handlers, pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null };
    });
    expect({ url, ...found }).toEqual({ url, globalNames: [], hacked: null, scripts: 0, handlers: 0, pwned: null });
  }
  // And the pane itself holds no element made from the message's markup.
  const paneDom = await (await paneFrameObject(page)).evaluate(() => ({ images: document.querySelectorAll('img[src="x"]').length, svgs: document.querySelectorAll('svg[onload]').length, forms: document.querySelectorAll('form[action]').length }));
  expect(paneDom).toEqual({ images: 0, svgs: 0, forms: 0 });
  expect(errors).toEqual([]);
});

/** axe-core run inside the pane's frame; the serious and critical violations, summarised. */
const seriousViolations = async (page: Page): Promise<string[]> => violationsIn(await paneFrameObject(page));

browserTest('the pane has no serious or critical axe violations, in light and in dark theme', async () => {
  // Every screen in both themes is scanned before the verdict, so one failure does not hide the others.
  const found: Record<string, string[]> = {};
  for (const theme of ['light', 'dark'] as const) {
    const { page, pane } = await openPreview({ item: MSG.knownJonas.id, theme });
    await pane.getByRole('heading', { name: 'Jonas Isaksson' }).waitFor();
    await pane.getByRole('tabpanel', { name: 'Opportunities' }).getByRole('listitem').first().waitFor();
    found[`${theme}: contact card`] = await seriousViolations(page);

    // The add-contact form, a second screen with inputs and a select (Lukas Neumann: Kim Ek may
    // have been added by the test above).
    await selectMessage(page, MSG.newLukas.id);
    await pane.getByRole('button', { name: 'Add Lukas Neumann as contact' }).click();
    await pane.getByRole('form', { name: 'New contact' }).waitFor();
    found[`${theme}: add contact form`] = await seriousViolations(page);
  }
  expect(found).toEqual({ 'light: contact card': [], 'light: add contact form': [], 'dark: contact card': [], 'dark: add contact form': [] });
});

browserTest('writes screenshots of the pane (light, dark) and of the whole preview to docs/screenshots', async () => {
  for (const theme of ['light', 'dark'] as const) {
    const { page, pane } = await openPreview({ item: MSG.knownJonas.id, theme });
    await pane.getByRole('heading', { name: 'Jonas Isaksson' }).waitFor();
    await pane.getByRole('tabpanel', { name: 'Opportunities' }).getByRole('listitem').first().waitFor();
    await pane.getByRole('contentinfo', { name: 'Sync status' }).getByText(/^Synced/).waitFor();
    await writeScreenshot(page.locator('iframe[title="Rapport task pane, device 1"]'), `pane-${theme}.png`);
    if (theme === 'light') await writeScreenshot(page, 'preview.png', { fullPage: true });
  }
});
