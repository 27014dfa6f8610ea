// manifest.xml against the official XML schemas (as in the source, and as the build writes it), plus
// the rules the schemas cannot express.
//
// The schemas are committed in test/manifest/schemas (RAPPORT_MANIFEST_SCHEMA_DIR points elsewhere), so a
// bare clone validates offline; without them every schema test fails and says where they are expected. That copy is
// partly reconstructed (see its README): should it reject markup that Microsoft documents as valid for
// the requirement set we declare, keep the markup and record the exception here with the page that
// allows it. There are no such exceptions today.
import fs from 'node:fs';
import path from 'node:path';
import { loadManifestSchemas, manifestSchemaErrors } from '../../scripts/manifest-schema';
import { byName, descendants, only, parseXml, type XmlElement } from '../../scripts/manifest-xml';
import { NOTIFICATION_ICON_RESID } from '../../src/addin/office/notifications';

type WebpackConfigModule = {
  PLACEHOLDER_BASE_URL: string;
  resolvePublicUrl(raw: string | undefined, mode: 'production' | 'development'): string;
  renderManifest(xml: string, publicUrl: string): string;
};
// webpack.config.js is CommonJS without type declarations; these are the helpers the build uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require('../../webpack.config.js') as WebpackConfigModule;

const ROOT = path.resolve(__dirname, '../..');
const MANIFEST_PATH = path.join(ROOT, 'manifest.xml');
const COMMANDS_PATH = path.join(ROOT, 'src/addin/commands/commands.ts');
const ASSETS_DIR = path.join(ROOT, 'assets');
const SOURCE = fs.readFileSync(MANIFEST_PATH, 'utf8');
const BASE = build.PLACEHOLDER_BASE_URL;

const LOCALES = ['en-US', 'sv-SE', 'nb-NO', 'da-DK', 'fi-FI', 'nl-NL', 'de-DE'];

/** Files under the public base URL that the build writes (webpack.config.js), besides the icons. */
const BUILT_PAGES = ['addin/taskpane.html', 'addin/commands.html', 'addin/commands.js'];

// ---------------------------------------------------------------------------------------------
// The schemas

const loadSchemas = () => loadManifestSchemas();
const schemaErrors = (xml: string) => manifestSchemaErrors(xml);

// ---------------------------------------------------------------------------------------------
// What the manifest says

const manifest = parseXml(SOURCE);
const versionOverrides = descendants(manifest, byName('VersionOverrides')).map((element) => ({ label: element.attrs['xsi:type']!, element }));
const vo10 = only(versionOverrides.filter((vo) => vo.label === 'VersionOverridesV1_0'), 'VersionOverridesV1_0').element;
const vo11 = only(versionOverrides.filter((vo) => vo.label === 'VersionOverridesV1_1'), 'VersionOverridesV1_1').element;

type ResourceKind = 'short string' | 'long string' | 'url' | 'image';

/** The resources a VersionOverrides defines (its own, not a nested one's), by id. */
function resourcesOf(vo: XmlElement): { id: string; kind: ResourceKind; element: XmlElement }[] {
  const resources = only(vo.children.filter(byName('Resources')), 'Resources');
  const groups: Record<string, ResourceKind> = { ShortStrings: 'short string', LongStrings: 'long string', Urls: 'url', Images: 'image' };
  return resources.children.flatMap((group) =>
    group.children.map((element) => {
      const kind = groups[group.local];
      if (kind === undefined) throw new Error(`unknown resource group ${group.name}`);
      return { id: element.attrs.id!, kind, element };
    }),
  );
}

/** What kind of resource an element with a resid refers to. */
function referenceKind(element: XmlElement): ResourceKind {
  switch (element.local) {
    case 'Label':
    case 'Title':
      return 'short string';
    case 'Description':
      return 'long string';
    case 'Image':
      return 'image';
    case 'SourceLocation':
    case 'FunctionFile':
    case 'Runtime':
    case 'Override':
      return 'url';
    default:
      throw new Error(`no rule for the resid on <${element.name}>: teach referenceKind about it`);
  }
}

/** The resid references of a VersionOverrides (its own, not a nested one's). */
function referencesOf(vo: XmlElement): XmlElement[] {
  return descendants(vo, (e) => e.attrs.resid !== undefined, false);
}

/** Every locale-aware string: DisplayName, Description and the string resources. */
const localizedStrings = [
  ...['DisplayName', 'Description'].map((local) => ({ label: local, element: only(manifest.children.filter(byName(local)), local) })),
  ...versionOverrides.flatMap(({ label, element }) =>
    resourcesOf(element)
      .filter((resource) => resource.kind === 'short string' || resource.kind === 'long string')
      .map((resource) => ({ label: `${resource.id} (${resource.kind}, ${label})`, element: resource.element })),
  ),
];

/** Every URL-valued attribute in `xml`, namespace declarations aside. */
function urlsIn(xml: string): string[] {
  return descendants(parseXml(xml), () => true)
    .flatMap((element) => Object.entries(element.attrs))
    .filter(([name, value]) => name !== 'xmlns' && !name.startsWith('xmlns:') && /^[a-z][a-z0-9+.-]*:\/\//i.test(value))
    .map(([, value]) => value);
}

/** Function names the manifest expects the commands bundle to register. */
const functionNames = [
  ...descendants(manifest, byName('FunctionName')).map((element) => element.text),
  ...descendants(manifest, byName('LaunchEvent')).map((element) => element.attrs.FunctionName!),
].filter((name, index, names) => names.indexOf(name) === index);

/** The icons the manifest names, as URLs. */
const iconUrls = [
  ...['IconUrl', 'HighResolutionIconUrl'].map((local) => only(manifest.children.filter(byName(local)), local).attrs.DefaultValue!),
  ...versionOverrides.flatMap(({ element }) => resourcesOf(element).filter((r) => r.kind === 'image').map((r) => r.element.attrs.DefaultValue!)),
].filter((url, index, urls) => urls.indexOf(url) === index);

function assetFile(url: string): string {
  const prefix = `${BASE}/addin/assets/`;
  if (!url.startsWith(prefix)) throw new Error(`${url} is not under ${prefix}`);
  return path.join(ASSETS_DIR, url.slice(prefix.length));
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = fs.readFileSync(file);
  if (!bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) || bytes.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function compareVersions(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}

/** The Mailbox requirement set a VersionOverrides declares. */
function declaredMailboxSet(vo: XmlElement): string {
  const sets = only(only(vo.children.filter(byName('Requirements')), 'Requirements').children.filter(byName('Sets')), 'Sets');
  const mailbox = only(sets.children.filter((set) => set.attrs.Name === 'Mailbox'), 'Mailbox set');
  return mailbox.attrs.MinVersion ?? sets.attrs.DefaultMinVersion ?? '1.1';
}

/**
 * The least Mailbox set a VersionOverrides' markup needs: the set that introduced its schema (add-in
 * commands), SupportsPinning, and each launch event it uses (Microsoft's supported-events table).
 */
function neededMailboxSet(vo: XmlElement): string {
  const launchEventSets: Record<string, string> = {
    OnNewMessageCompose: '1.10',
    OnMessageRecipientsChanged: '1.11',
    OnMessageAttachmentsChanged: '1.11',
    OnMessageSend: '1.12',
    OnMessageCompose: '1.12',
    OnMessageFromChanged: '1.13',
  };
  const needs = [vo.attrs['xsi:type'] === 'VersionOverridesV1_1' ? '1.5' : '1.3'];
  if (descendants(vo, byName('SupportsPinning'), false).length > 0) needs.push('1.5');
  // Shared folders came with 1.8 (shared mailboxes with 1.13, which the code checks at run time).
  if (descendants(vo, byName('SupportsSharedFolders'), false).some((element) => element.text === 'true')) needs.push('1.8');
  for (const event of descendants(vo, byName('LaunchEvent'), false)) {
    const set = launchEventSets[event.attrs.Type!];
    if (set === undefined) throw new Error(`no requirement set known for launch event ${event.attrs.Type}: add it to launchEventSets`);
    needs.push(set);
  }
  return needs.sort(compareVersions).at(-1)!;
}

// ---------------------------------------------------------------------------------------------

describe('manifest.xml against the official XML schemas', () => {
  test('the schemas are in test/manifest/schemas or at RAPPORT_MANIFEST_SCHEMA_DIR', () => {
    expect(() => loadSchemas()).not.toThrow();
  });

  test('the manifest in the repository is valid', async () => {
    expect(await schemaErrors(SOURCE)).toEqual([]);
  });

  test.each(['https://rapport.example.com', 'https://crm.example.com/rapport'])('the manifest the build writes for %s is valid', async (publicUrl) => {
    expect(await schemaErrors(build.renderManifest(SOURCE, build.resolvePublicUrl(publicUrl, 'production')))).toEqual([]);
  });

  test.each([
    ['an unknown permission', '<Permissions>ReadWriteItem</Permissions>', '<Permissions>ReadAllMail</Permissions>'],
    ['a send mode Outlook does not have', 'SendMode="PromptUser"', 'SendMode="HardBlock"'],
    ['a button without its icon', /<Icon>[\s\S]*?<\/Icon>/, ''],
    ['SupportsSharedFolders after the function file, where the schema does not take it', /(<SupportsSharedFolders>true<\/SupportsSharedFolders>)\s*(<FunctionFile resid="Commands.Url"\/>)/, '$2$1'],
    ['SupportsSharedFolders that is not a boolean', '<SupportsSharedFolders>true</SupportsSharedFolders>', '<SupportsSharedFolders>always</SupportsSharedFolders>'],
  ])('a manifest with %s is rejected, so the validation really runs', async (_case, from, to) => {
    const broken = SOURCE.replace(from, to);
    expect(broken).not.toBe(SOURCE);
    expect(await schemaErrors(broken)).not.toEqual([]);
  });
});

describe('manifest.xml, beyond what the schemas check', () => {
  test.each(versionOverrides)('every resid in $label names a resource of its kind defined there', ({ element }) => {
    const kinds = new Map(resourcesOf(element).map((resource) => [resource.id, resource.kind]));
    const unresolved = referencesOf(element)
      .filter((reference) => kinds.get(reference.attrs.resid!) !== referenceKind(reference))
      .map((reference) => `<${reference.name} resid="${reference.attrs.resid}"> wants a ${referenceKind(reference)}, finds ${kinds.get(reference.attrs.resid!) ?? 'nothing'}`);
    expect(unresolved).toEqual([]);
  });

  test.each(versionOverrides)('every resource in $label is used and its id is unique', ({ element }) => {
    const ids = resourcesOf(element).map((resource) => resource.id);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
    const used = new Set([...referencesOf(element).map((reference) => reference.attrs.resid!), NOTIFICATION_ICON_RESID]);
    expect(ids.filter((id) => !used.has(id))).toEqual([]);
  });

  test.each(versionOverrides)('control and group ids in $label are unique', ({ element }) => {
    const ids = descendants(element, (e) => e.local === 'Control' || e.local === 'Group', false).map((e) => e.attrs.id!);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  test.each(localizedStrings)('$label comes in exactly the seven locales, en-US repeating the default', ({ element }) => {
    const overrides = element.children.filter(byName('Override'));
    expect(overrides.map((override) => override.attrs.Locale)).toEqual(LOCALES);
    expect(overrides.every((override) => (override.attrs.Value ?? '').trim() !== '')).toBe(true);
    expect(overrides.find((override) => override.attrs.Locale === 'en-US')?.attrs.Value).toBe(element.attrs.DefaultValue);
  });

  test('every URL starts with the placeholder base the build replaces, and so is https', () => {
    const urls = urlsIn(SOURCE);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter((url) => !url.startsWith(`${BASE}/`))).toEqual([]);
  });

  test('every URL names a page, script or icon that the build writes', () => {
    const icons = fs.readdirSync(ASSETS_DIR).filter((file) => file.endsWith('.png')).map((file) => `addin/assets/${file}`);
    const known = new Set([...BUILT_PAGES, ...icons]);
    expect(urlsIn(SOURCE).filter((url) => !known.has(url.slice(BASE.length + 1)))).toEqual([]);
  });

  test.each(functionNames)("the function %s is registered in src/addin/commands/commands.ts", (name) => {
    expect(fs.readFileSync(COMMANDS_PATH, 'utf8')).toContain(`associate('${name}'`);
  });

  test('the manifest names both functions: Log email and the send handler', () => {
    expect([...functionNames].sort()).toEqual(['logEmail', 'onMessageSendHandler']);
  });

  test.each(iconUrls)('%s is in assets/, as many pixels square as its name says', (url) => {
    const file = assetFile(url);
    const claimed = Number(/icon-(\d+)\.png$/.exec(file)?.[1]);
    expect(fs.existsSync(file)).toBe(true);
    expect(pngSize(file)).toEqual({ width: claimed, height: claimed });
  });

  test.each(versionOverrides)('every icon in $label is used at the size of the image it names', ({ element }) => {
    const images = new Map(resourcesOf(element).filter((r) => r.kind === 'image').map((r) => [r.id, r.element.attrs.DefaultValue!]));
    const mismatched = descendants(element, (e) => e.local === 'Image' && e.attrs.resid !== undefined, false)
      .filter((reference) => pngSize(assetFile(images.get(reference.attrs.resid!)!)).width !== Number(reference.attrs.size))
      .map((reference) => `${reference.attrs.resid} at size ${reference.attrs.size}`);
    expect(mismatched).toEqual([]);
  });

  test('the add-in icon is 64 px and the high-resolution icon 128 px, as Outlook asks', () => {
    const size = (local: string) => pngSize(assetFile(only(manifest.children.filter(byName(local)), local).attrs.DefaultValue!)).width;
    expect([size('IconUrl'), size('HighResolutionIconUrl')]).toEqual([64, 128]);
  });

  test.each(versionOverrides)('the notification icon the code uses is an image resource in $label', ({ element }) => {
    expect(resourcesOf(element).find((resource) => resource.id === NOTIFICATION_ICON_RESID)?.kind).toBe('image');
  });

  test.each(versionOverrides)('$label asks for exactly the Mailbox set its markup needs', ({ element }) => {
    expect(declaredMailboxSet(element)).toBe(neededMailboxSet(element));
  });

  test('the base manifest asks for no more than Mailbox 1.1, so Rapport activates wherever Outlook can read the item', () => {
    const sets = only(only(manifest.children.filter(byName('Requirements')), 'Requirements').children.filter(byName('Sets')), 'Sets');
    expect(only(sets.children.filter((set) => set.attrs.Name === 'Mailbox'), 'Mailbox set').attrs.MinVersion).toBe('1.1');
  });

  test('OnMessageSend runs in the declared runtime: commands.html, or commands.js in classic Outlook', () => {
    const urls = new Map(resourcesOf(vo11).filter((r) => r.kind === 'url').map((r) => [r.id, r.element.attrs.DefaultValue!]));
    const runtime = only(descendants(vo11, byName('Runtime'), false), 'Runtime');
    const launchEvent = only(descendants(vo11, (e) => e.local === 'ExtensionPoint' && e.attrs['xsi:type'] === 'LaunchEvent', false), 'LaunchEvent extension point');
    const javascript = only(runtime.children.filter((e) => e.local === 'Override' && e.attrs.type === 'javascript'), 'javascript override');

    expect(only(launchEvent.children.filter(byName('SourceLocation')), 'SourceLocation').attrs.resid).toBe(runtime.attrs.resid);
    expect(urls.get(runtime.attrs.resid!)).toBe(`${BASE}/addin/commands.html`);
    expect(urls.get(javascript.attrs.resid!)).toBe(`${BASE}/addin/commands.js`);
  });

  test('the task pane is pinnable when reading, where VersionOverrides 1.1 allows it', () => {
    const pinning = descendants(vo11, byName('SupportsPinning'), false);
    expect(pinning.map((e) => e.text)).toEqual(['true']);
    expect(descendants(vo10, byName('SupportsPinning'), false)).toEqual([]);
  });

  test('it opens in shared mailboxes and delegated ones, where VersionOverrides 1.1 can say so', () => {
    const form = only(descendants(vo11, byName('DesktopFormFactor'), false), 'DesktopFormFactor');
    expect(form.children.filter(byName('SupportsSharedFolders')).map((element) => element.text)).toEqual(['true']);
    expect(descendants(vo10, byName('SupportsSharedFolders'), false)).toEqual([]);
  });

  test('it asks for ReadWriteItem, not the whole mailbox', () => {
    expect(only(manifest.children.filter(byName('Permissions')), 'Permissions').text).toBe('ReadWriteItem');
  });
});

describe('manifest.xml and what the commands bundle needs', () => {
  /** The ExecuteFunction controls of a VersionOverrides, by the surface they sit on. */
  const functionCommands = (vo: XmlElement) =>
    descendants(vo, (e) => e.local === 'ExtensionPoint' && e.attrs['xsi:type'] !== 'LaunchEvent', false).flatMap((point) =>
      descendants(point, (e) => e.local === 'Action' && e.attrs['xsi:type'] === 'ExecuteFunction', false).map((action) => ({
        surface: point.attrs['xsi:type'],
        functionName: only(action.children.filter(byName('FunctionName')), 'FunctionName').text,
      })),
    );

  test.each(versionOverrides)('$label offers "Log email" as a function command when reading, and only there', ({ element }) => {
    expect(functionCommands(element)).toEqual([{ surface: 'MessageReadCommandSurface', functionName: 'logEmail' }]);
  });

  test('the send handler is declared once, in VersionOverrides 1.1 only, as OnMessageSend with SendMode PromptUser', () => {
    const events = (vo: XmlElement) => descendants(vo, byName('LaunchEvent'), false).map((e) => ({ type: e.attrs.Type, functionName: e.attrs.FunctionName, sendMode: e.attrs.SendMode }));
    expect([events(vo10), events(vo11)]).toEqual([[], [{ type: 'OnMessageSend', functionName: 'onMessageSendHandler', sendMode: 'PromptUser' }]]);
  });

  /**
   * The Mailbox set of each Office.js member the adapter uses (Microsoft's reference pages), and,
   * for those newer than the set VersionOverrides 1.0 declares, the check the code makes first.
   */
  const officeApis: [member: string, set: string, guard: string | null][] = [
    ['loadCustomPropertiesAsync', '1.1', null],
    ['roamingSettings', '1.1', null],
    ['notificationMessages.replaceAsync', '1.3', null],
    ['body.getAsync', '1.3', null],
    ['addHandlerAsync(office.EventType.ItemChanged', '1.5', null],
    ['internetHeaders.setAsync', '1.8', "isSetSupported('Mailbox', INTERNET_HEADERS_SET)"],
    ['getAllInternetHeadersAsync', '1.8', "isSetSupported('Mailbox', INTERNET_HEADERS_SET)"],
    ['officeTheme', '1.14', 'if (theme === undefined || theme === null) return null;'],
  ];
  const adapterSource = fs.readFileSync(path.join(ROOT, 'src/addin/office/office-mail-host.ts'), 'utf8');

  test.each(officeApis)('%s (Mailbox %s) is used by the adapter, and checked first when the manifest does not promise its set', (member, set, guard) => {
    expect(adapterSource).toContain(member);
    // The pane follows ItemChanged only when pinned, which needs VersionOverrides 1.1 (1.5) anyway.
    const promised = member.startsWith('addHandlerAsync') ? declaredMailboxSet(vo11) : declaredMailboxSet(vo10);
    if (compareVersions(set, promised) > 0) expect(guard === null ? null : adapterSource.includes(guard)).toBe(true);
  });
});

describe('the manifest the build writes', () => {
  test('has every URL under the public URL and none left on the placeholder', () => {
    const built = build.renderManifest(SOURCE, 'https://rapport.example.com');
    const urls = urlsIn(built);
    expect(urls).toHaveLength(urlsIn(SOURCE).length);
    expect(urls.filter((url) => !url.startsWith('https://rapport.example.com/addin/'))).toEqual([]);
  });

  test.each<[string, string | undefined, 'production' | 'development', string]>([
    ['an unset RAPPORT_PUBLIC_URL falls back to the placeholder', undefined, 'production', BASE],
    ['a trailing slash is dropped', 'https://rapport.example.com/', 'production', 'https://rapport.example.com'],
    ['a path is kept', 'https://example.com/crm/rapport/', 'production', 'https://example.com/crm/rapport'],
    ['a development build accepts http', 'http://localhost:3000', 'development', 'http://localhost:3000'],
  ])('%s', (_case, raw, mode, expected) => {
    expect(build.resolvePublicUrl(raw, mode)).toBe(expected);
  });

  test.each<[string, string, 'production' | 'development', RegExp]>([
    ['a production build refuses an http URL', 'http://rapport.example.com', 'production', /needs https/],
    ['a value that is not a URL is refused', 'rapport.example.com', 'development', /not a URL/],
    ['a URL with a query is refused', 'https://rapport.example.com/?tenant=1', 'production', /without query/],
    ['a scheme other than http(s) is refused', 'ftp://rapport.example.com', 'development', /must be an https URL/],
  ])('%s', (_case, raw, mode, message) => {
    expect(() => build.resolvePublicUrl(raw, mode)).toThrow(message);
  });

  test('refuses a manifest without placeholder URLs rather than writing it unchanged', () => {
    expect(() => build.renderManifest(SOURCE.split(BASE).join('https://elsewhere.example.com'), 'https://rapport.example.com')).toThrow(/no URL starting with/);
  });
});
