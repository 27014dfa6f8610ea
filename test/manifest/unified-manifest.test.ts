// The unified manifest (manifest.json) is derived from manifest.xml by scripts/unified-manifest.ts:
// it must say what the XML says — the same commands, functions, launch event and strings in every
// locale — and pass Microsoft's published JSON schemas, offline.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AdmZip from 'adm-zip';
import { writeAppPackage } from '../../scripts/app-package';
import { localizationErrors, unifiedManifestErrors } from '../../scripts/manifest-json-schema';
import { byName, descendants, parseXml } from '../../scripts/manifest-xml';
import { unifiedManifest } from '../../scripts/unified-manifest';

type WebpackConfigModule = { renderManifest(xml: string, publicUrl: string): string };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../webpack.config.js') as WebpackConfigModule;

const ROOT = path.resolve(__dirname, '../..');
const PUBLIC_URL = 'https://crm.example.com/rapport';
const XML = build.renderManifest(fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8'), PUBLIC_URL);
const LOCALES = ['sv-SE', 'nb-NO', 'da-DK', 'fi-FI', 'nl-NL', 'de-DE'];

type Control = { id: string; label: string; actionId: string; supertip: { title: string; description: string }; icons: { size: number; url: string }[] };
type Ribbon = { contexts: string[]; tabs: { builtInTabId: string; groups: { id: string; label: string; controls: Control[] }[] }[] };
type Runtime = { id: string; code: { page: string; script?: string }; actions: { id: string; type: string; pinnable?: boolean }[] };
type Extension = { requirements: unknown; runtimes: Runtime[]; ribbons: Ribbon[]; autoRunEvents: { requirements: unknown; events: { type: string; actionId: string; options: { sendMode: string } }[] }[] };

const { manifest, localizations } = unifiedManifest(XML, { publicUrl: PUBLIC_URL });
const extension = (manifest.extensions as Extension[])[0]!;
const controls = extension.ribbons.flatMap((ribbon) => ribbon.tabs.flatMap((tab) => tab.groups.flatMap((group) => group.controls)));
const actions = new Map(extension.runtimes.flatMap((runtime) => runtime.actions.map((action) => [action.id, { ...action, runtime }] as const)));
const xmlRoot = parseXml(XML);
const newestOverrides = descendants(xmlRoot, byName('VersionOverrides')).at(-1)!;

describe('the unified manifest derived from manifest.xml', () => {
  test('passes Microsoft\'s JSON schema, and so does each localization file', async () => {
    expect(await unifiedManifestErrors(manifest)).toEqual([]);
    for (const { strings } of localizations) expect(await localizationErrors(strings)).toEqual([]);
  });

  test('the schema check really runs: a manifest without its accent colour or with a foreign context is refused', async () => {
    const { accentColor: _dropped, ...withoutColour } = manifest;
    expect(await unifiedManifestErrors(withoutColour)).not.toEqual([]);
    const foreign = JSON.parse(JSON.stringify(manifest).replace('"mailRead"', '"spreadsheet"')) as object;
    expect(await unifiedManifestErrors(foreign)).not.toEqual([]);
  });

  test('the same add-in: id, version, permission, and every URL under the public address', () => {
    expect(manifest).toMatchObject({ id: descendants(xmlRoot, byName('Id'))[0]!.text, version: '1.0.1', validDomains: ['crm.example.com'] });
    expect(manifest.authorization).toEqual({
      permissions: {
        resourceSpecific: [
          { name: 'MailboxItem.ReadWrite.User', type: 'Delegated' },
          // SupportsSharedFolders: shared and delegated mailboxes.
          { name: 'Mailbox.SharedFolder', type: 'Delegated' },
        ],
      },
    });
    const urls = JSON.stringify(manifest).match(/https:\/\/[^"]+/g) ?? [];
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) if (!url.includes('developer.microsoft.com/json-schemas')) expect(url.startsWith(`${PUBLIC_URL}/`)).toBe(true);
  });

  test('every button of the newest ribbon markup, in reading and composing, with its action', () => {
    const xmlControls = descendants(newestOverrides, byName('Control')).map((control) => control.attrs.id);
    expect(controls.map((control) => control.id)).toEqual(xmlControls);
    expect(extension.ribbons.map((ribbon) => ribbon.contexts)).toEqual([['mailRead'], ['mailCompose']]);
    const readPane = controls.find((control) => control.id === 'Rapport.Read.ShowPane')!;
    expect(actions.get(readPane.actionId)).toMatchObject({ type: 'openPage', pinnable: true, runtime: { code: { page: `${PUBLIC_URL}/addin/taskpane.html` } } });
    expect(actions.get(controls.find((control) => control.id === 'Rapport.Compose.ShowPane')!.actionId)).toMatchObject({ type: 'openPage', pinnable: false });
    expect(actions.get('logEmail')).toMatchObject({ type: 'executeFunction', runtime: { code: { page: `${PUBLIC_URL}/addin/commands.html`, script: `${PUBLIC_URL}/addin/commands.js` } } });
    for (const control of controls) expect(control.icons.map((icon) => icon.size)).toEqual([16, 32, 80]);
  });

  test('the send handler runs on messageSending in PromptUser mode, needing Mailbox 1.12 as in the XML', () => {
    expect(extension.autoRunEvents).toEqual([
      { requirements: { capabilities: [{ name: 'Mailbox', minVersion: '1.12' }] }, events: [{ type: 'messageSending', actionId: 'onMessageSendHandler', options: { sendMode: 'promptUser' } }] },
    ]);
    expect(actions.get('onMessageSendHandler')).toMatchObject({ type: 'executeFunction' });
  });

  test('every string in all seven languages, as manifest.xml has them, with a short description under 80 characters', () => {
    expect(localizations.map((localization) => localization.file)).toEqual(LOCALES.map((locale) => `${locale}.json`));
    const overrideOf = (resid: string, locale: string) =>
      descendants(newestOverrides, (element) => element.attrs.id === resid)[0]!.children.find((override) => override.attrs.Locale === locale)!.attrs.Value;
    const swedish = localizations.find((localization) => localization.languageTag === 'sv-se')!.strings;
    expect(swedish['extensions[0].ribbons[0].tabs[0].groups[0].controls[1].label']).toBe(overrideOf('LogEmail.Label', 'sv-SE'));
    expect(swedish['extensions[0].ribbons[0].tabs[0].groups[0].controls[0].supertip.description']).toBe(overrideOf('ShowPane.Tooltip', 'sv-SE'));
    expect(swedish['description.short']).toBe('Relationshantering i Outlook');
    for (const { strings } of localizations) {
      expect(Object.keys(strings).sort()).toEqual(Object.keys(swedish).sort());
      expect(strings['description.short']!.length).toBeLessThanOrEqual(80);
    }
  });

  test('without SupportsSharedFolders, or with it false, the shared-folder permission is not asked for', () => {
    const names = (xml: string) => (unifiedManifest(xml, { publicUrl: PUBLIC_URL }).manifest.authorization as { permissions: { resourceSpecific: { name: string }[] } }).permissions.resourceSpecific.map((permission) => permission.name);
    const element = /\s*<SupportsSharedFolders>true<\/SupportsSharedFolders>/;
    expect(XML).toMatch(element);
    expect(names(XML.replace(element, ''))).toEqual(['MailboxItem.ReadWrite.User']);
    expect(names(XML.replace(element, '<SupportsSharedFolders>false</SupportsSharedFolders>'))).toEqual(['MailboxItem.ReadWrite.User']);
  });

  test('markup it has no translation for stops the build, naming it', () => {
    expect(() => unifiedManifest(XML.replaceAll('xsi:type="ExecuteFunction"', 'xsi:type="OpenDialog"'), { publicUrl: PUBLIC_URL })).toThrow(/an action of type OpenDialog/);
    expect(() => unifiedManifest(XML.replace('SendMode="PromptUser"', 'SendMode="Sometimes"'), { publicUrl: PUBLIC_URL })).toThrow(/send mode "Sometimes"/);
    expect(() => unifiedManifest(XML.replace('<SupportsSharedFolders>true<', '<SupportsSharedFolders>yes<'), { publicUrl: PUBLIC_URL })).toThrow(/SupportsSharedFolders "yes"/);
  });
});

describe('the app package', () => {
  test('zips manifest.json, the six localization files and both icons, ready for the admin center', async () => {
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapport-app-'));
    try {
      const zipPath = await writeAppPackage({ manifestXml: XML, publicUrl: PUBLIC_URL, outDir });
      const entries = new AdmZip(zipPath).getEntries();
      expect(entries.map((entry) => entry.entryName).sort()).toEqual(['color.png', 'manifest.json', 'outline.png', ...LOCALES.map((locale) => `${locale}.json`)].sort());
      const packed = JSON.parse(entries.find((entry) => entry.entryName === 'manifest.json')!.getData().toString('utf8')) as { icons: unknown };
      expect(packed.icons).toEqual({ outline: 'outline.png', color: 'color.png' });
      const png = (name: string) => entries.find((entry) => entry.entryName === name)!.getData();
      // Width and height from the PNG header: Microsoft 365 wants 192 × 192 and 32 × 32.
      expect([png('color.png').readUInt32BE(16), png('color.png').readUInt32BE(20)]).toEqual([192, 192]);
      expect([png('outline.png').readUInt32BE(16), png('outline.png').readUInt32BE(20)]).toEqual([32, 32]);
    } finally {
      fs.rmSync(outDir, { recursive: true, force: true });
    }
  });
});
