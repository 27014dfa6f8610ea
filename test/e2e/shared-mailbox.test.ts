/**
 * Shared and delegated mailboxes end to end, through the mailbox preview: the add-in as
 * `npx webpack --mode development` builds it, the real service process in dev mode (PGlite, demo
 * data), headless Chromium. The preview's stand-in answers `getSharedPropertiesAsync` for the
 * messages of its shared sales@ mailbox and of the colleague's inbox the user is a delegate of, as
 * Outlook does; the pane and the ribbon command judge each message against that mailbox's owner.
 */
import type { FrameLocator, Page } from 'playwright-core';
import { browserTestFor, haveChromium, useBrowserHarness } from './browser-harness';
import { apiGet, buildAddin, commandRegistered, devToken, eventually, paneFrame, PREVIEW_USER } from './preview-driver';

const browserTest = browserTestFor(__filename);

/** Two demo salespeople (src/server/demo): Astrid, the preview's user, and Erik. */
const ASTRID = { email: PREVIEW_USER.email, code: 'AL' };
const ERIK = { email: 'erik.bergman@nordlys.example' };
const SALES = 'sales@nordlys.example';
const KATRIN = 'katrin.mueller@nordlys.example';

/** The preview's messages in other mailboxes (src/preview/sample-inbox.ts). */
const MSG = {
  customerToSales: { id: 'shared-sv-ram-order', internetMessageId: '<sample-shared-sv-ram-order@bergman-hydraulik.example>', sender: 'Fredrik Mattsson', senderEmail: 'f.mattsson@bergman-hydraulik.example' },
  colleagueFromSales: { id: 'shared-en-reply', internetMessageId: '<sample-shared-en-reply@nordlys.example>', recipient: 'Mikko Kärkkäinen', recipientEmail: 'm.karkkainen@heikkisen-teras.example' },
  toDelegator: { id: 'delegated-de-rahmenvertrag', internetMessageId: '<sample-delegated-de-rahmenvertrag@schmidt-maschinenbau.example>', sender: 'Katrin Wolf' },
} as const;

type Interaction = { contactNo: string; informationFlow: string; initiatedBy: string; salespersonCode: string; userEmail: string; mailboxAddress: string };

// A build and a service start are in beforeAll; each test drives fresh panes.
jest.setTimeout(120_000);

const harness = useBrowserHarness(() => buildAddin('development'));
let token = '';

beforeAll(async () => {
  if (haveChromium) token = await devToken(harness.origin(), ASTRID.email);
});

/** Waits until the server holds `count` interactions for the message; returns them. */
async function serverInteractions(internetMessageId: string, count: number): Promise<Interaction[]> {
  let seen: Interaction[] = [];
  return eventually(`${count} interaction(s) of ${internetMessageId} on the server`, async () => {
    seen = (await apiGet<{ interactions: Interaction[] }>(harness.origin(), token, `/interactions/logged?internetMessageId=${encodeURIComponent(internetMessageId)}`)).interactions;
    return seen.length === count ? seen : undefined;
  }).catch((error: unknown) => {
    throw new Error(`${String(error)}; the server has ${seen.length}`);
  });
}

const contactNoOf = async (email: string) => (await apiGet<{ items: { no: string }[] }>(harness.origin(), token, `/contacts?email=${encodeURIComponent(email)}`)).items[0]?.no;

type Opened = { page: Page; pane: FrameLocator; errors: string[] };

/** The preview as `user`, in English, on `item`, in a browser context of its own (a device of its own). */
async function openPreview(item: string, user: string = ASTRID.email): Promise<Opened> {
  const { page, errors } = await harness.open(`/preview/?${new URLSearchParams({ user, lang: 'en-US', item }).toString()}`);
  return { page, pane: paneFrame(page), errors };
}

const pick = ({ contactNo, informationFlow, initiatedBy, salespersonCode, userEmail, mailboxAddress }: Interaction) => ({ contactNo, informationFlow, initiatedBy, salespersonCode, userEmail, mailboxAddress });

browserTest('a customer’s message in the shared sales@ mailbox is logged inbound, as the user’s; a colleague logging it again adds nothing', async () => {
  const { page, pane, errors } = await openPreview(MSG.customerToSales.id);
  // The preview shows whose mailbox it is, and so does the pane.
  await page.locator(`[data-mailbox-owner="${SALES}"]`).waitFor();
  await pane.getByText(`In the shared mailbox ${SALES}`).waitFor();
  await pane.getByRole('heading', { name: MSG.customerToSales.sender }).waitFor();
  // sales@ is no contact, yet it is not offered as one.
  expect(await pane.getByRole('button', { name: /as contact$/ }).count()).toBe(0);

  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  const [logged] = await serverInteractions(MSG.customerToSales.internetMessageId, 1);
  expect(pick(logged!)).toEqual({
    contactNo: await contactNoOf(MSG.customerToSales.senderEmail),
    informationFlow: 'inbound',
    initiatedBy: 'them',
    salespersonCode: ASTRID.code,
    userEmail: ASTRID.email,
    mailboxAddress: SALES,
  });
  await pane.getByText(/^Logged by you/).waitFor({ timeout: 20_000 });

  // Erik reads the same shared mailbox on his own device and logs the message from the ribbon.
  const erik = await openPreview(MSG.customerToSales.id, ERIK.email);
  await commandRegistered(erik.page, 'logEmail');
  await erik.page.getByRole('toolbar', { name: 'Outlook ribbon' }).getByRole('button', { name: 'Log email', exact: true }).click();
  await erik.page.locator('.notices [data-notice-key]').filter({ hasText: `Rapport: this email was already logged by ${ASTRID.email}.` }).waitFor({ timeout: 30_000 });
  expect((await serverInteractions(MSG.customerToSales.internetMessageId, 1)).map(pick)).toEqual([pick(logged!)]);
  expect([...errors, ...erik.errors]).toEqual([]);
});

browserTest('a colleague’s answer from sales@ shows its recipients and is logged outbound for them, as the user’s', async () => {
  const { pane, errors } = await openPreview(MSG.colleagueFromSales.id);
  await pane.getByText(`In the shared mailbox ${SALES}`).waitFor();
  await pane.getByText('Recipients').waitFor();
  await pane.getByLabel(MSG.colleagueFromSales.recipient).waitFor();
  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  const [logged] = await serverInteractions(MSG.colleagueFromSales.internetMessageId, 1);
  expect(pick(logged!)).toEqual({
    contactNo: await contactNoOf(MSG.colleagueFromSales.recipientEmail),
    informationFlow: 'outbound',
    initiatedBy: 'us',
    salespersonCode: ASTRID.code,
    userEmail: ASTRID.email,
    mailboxAddress: SALES,
  });
  expect(errors).toEqual([]);
});

browserTest('a message in the inbox the user is a delegate of is logged inbound with that mailbox, as the user’s', async () => {
  const { pane, errors } = await openPreview(MSG.toDelegator.id);
  await pane.getByText(`In the shared mailbox ${KATRIN}`).waitFor();
  await pane.getByRole('heading', { name: MSG.toDelegator.sender }).waitFor();
  await pane.getByRole('button', { name: 'Log e-mail' }).click();
  const [logged] = await serverInteractions(MSG.toDelegator.internetMessageId, 1);
  expect(pick(logged!)).toMatchObject({ informationFlow: 'inbound', salespersonCode: ASTRID.code, userEmail: ASTRID.email, mailboxAddress: KATRIN });
  expect(errors).toEqual([]);
});
