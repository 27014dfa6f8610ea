/**
 * The unified manifest (manifest.json, the Microsoft 365 app manifest that the new Outlook and the
 * Microsoft 365 admin center take), derived from the built manifest.xml, so that the surfaces,
 * commands, locales and events are listed once, in manifest.xml. Read from the innermost
 * VersionOverrides (the newest markup: the pinnable task pane and the launch event); the string
 * resources give each locale's localization file.
 *
 * Only what Rapport's manifest uses is translated; anything else in it stops the build with a
 * message, rather than being left out silently.
 */
import { byName, descendants, only, parseXml, type XmlElement } from './manifest-xml';

export const UNIFIED_MANIFEST_VERSION = '1.24';
export const UNIFIED_MANIFEST_SCHEMA = `https://developer.microsoft.com/json-schemas/teams/v${UNIFIED_MANIFEST_VERSION}/MicrosoftTeams.schema.json`;
export const COLOR_ICON = 'color.png';
export const OUTLINE_ICON = 'outline.png';
/** Rapport's teal (assets/make-icons.js), behind the icon in Microsoft 365's app lists. */
const ACCENT_COLOR = '#0A5C63';

export type UnifiedManifestOptions = {
  /** The public base URL the build used (every URL in manifest.xml starts with it). */
  publicUrl: string;
  privacyUrl?: string;
  termsOfUseUrl?: string;
};

export type UnifiedManifest = {
  manifest: Record<string, unknown>;
  /** One file per locale other than the default: its name in the package and its strings. */
  localizations: { languageTag: string; file: string; strings: Record<string, string> }[];
};

/** A text in every locale: the default, and each Override. */
type Localized = { value: string; byLocale: Map<string, string> };

const PERMISSIONS: Record<string, string> = {
  Restricted: 'MailboxItem.Restricted.User',
  ReadItem: 'MailboxItem.Read.User',
  ReadWriteItem: 'MailboxItem.ReadWrite.User',
  ReadWriteMailbox: 'Mailbox.ReadWrite.User',
};
const CONTEXTS: Record<string, string> = { MessageReadCommandSurface: 'mailRead', MessageComposeCommandSurface: 'mailCompose' };
const EVENTS: Record<string, string> = { OnMessageSend: 'messageSending', OnNewMessageCompose: 'newMessageComposeCreated' };
const SEND_MODES: Record<string, string> = { PromptUser: 'promptUser', SoftBlock: 'softBlock', Block: 'block' };
/** SupportsSharedFolders' counterpart: a resource-specific permission rather than a flag on the extension. */
const SHARED_FOLDERS_PERMISSION = 'Mailbox.SharedFolder';

const fail = (what: string): never => {
  throw new Error(`manifest.xml: ${what} has no counterpart in the unified manifest generator (scripts/unified-manifest.ts)`);
};
const lookup = (table: Record<string, string>, key: string | undefined, what: string): string => table[key ?? ''] ?? fail(`${what} "${key}"`);
const child = (element: XmlElement, name: string): XmlElement | undefined => element.children.find(byName(name));
const needChild = (element: XmlElement, name: string): XmlElement => child(element, name) ?? fail(`<${element.local}> without <${name}>`);

function localizedOf(element: XmlElement): Localized {
  const byLocale = new Map(element.children.filter(byName('Override')).map((override) => [override.attrs.Locale!, override.attrs.Value!]));
  return { value: element.attrs.DefaultValue ?? '', byLocale };
}

/** Microsoft 365 shows at most 80 characters as the short description: the part before the colon, which each locale's text has. */
function shortDescription(text: string): string {
  if (text.length <= 80) return text;
  const head = text.split(':')[0]!.trim();
  return head.length <= 80 ? head : fail(`a description without a short first part ("${text}")`);
}

/** Semantic version from the manifest's four-part one (1.0.0.0 → 1.0.0). */
const semver = (version: string) => version.split('.').slice(0, 3).join('.');

const minVersionOf = (versionOverrides: XmlElement): string => {
  const sets = descendants(needChild(versionOverrides, 'Requirements'), byName('Sets'))[0] ?? fail('VersionOverrides requirements without Sets');
  return sets.attrs.DefaultMinVersion ?? fail('Sets without DefaultMinVersion');
};

export function unifiedManifest(xml: string, options: UnifiedManifestOptions): UnifiedManifest {
  const root = parseXml(xml);
  const overrides = descendants(root, byName('VersionOverrides'));
  const newest = overrides.at(-1) ?? fail('a manifest without VersionOverrides');
  const oldest = overrides[0]!;
  const resources = needChild(newest, 'Resources');
  const resource = new Map<string, XmlElement>(resources.children.flatMap((group) => group.children.map((element): [string, XmlElement] => [element.attrs.id!, element])));
  const resourceOf = (element: XmlElement | undefined): XmlElement => resource.get(element?.attrs.resid ?? '') ?? fail(`resid "${element?.attrs.resid}"`);
  const urlOf = (element: XmlElement | undefined) => resourceOf(element).attrs.DefaultValue!;

  const defaultLocale = needChild(root, 'DefaultLocale').text;
  const name = localizedOf(needChild(root, 'DisplayName'));
  const description = localizedOf(needChild(root, 'Description'));
  const locales = [...new Set([...name.byLocale.keys(), ...description.byLocale.keys()])].filter((locale) => locale !== defaultLocale);
  /** Strings by locale, keyed as the unified manifest's localization files key them. */
  const translated = new Map(locales.map((locale) => [locale, {} as Record<string, string>]));
  const translate = (key: string, text: Localized) => {
    for (const [locale, strings] of translated) strings[key] = text.byLocale.get(locale) ?? text.value;
    return text.value;
  };
  translate('name.short', name);
  translate('name.full', name);
  translate('description.full', description);
  translate('description.short', { value: shortDescription(description.value), byLocale: new Map([...description.byLocale].map(([locale, text]) => [locale, shortDescription(text)])) });

  const host = only(descendants(newest, byName('Host'), false), 'MailHost');
  const form = needChild(host, 'DesktopFormFactor');
  const sharedFolders = child(form, 'SupportsSharedFolders')?.text;
  if (sharedFolders !== undefined && sharedFolders !== 'true' && sharedFolders !== 'false') fail(`SupportsSharedFolders "${sharedFolders}"`);
  const functionFile = urlOf(needChild(form, 'FunctionFile'));
  const runtime = descendants(host, byName('Runtime'))[0];
  const scriptUrl = runtime ? urlOf(child(runtime, 'Override')) : undefined;

  const taskPaneActions = new Map<string, { id: string; type: 'openPage'; pinnable: boolean; page: string }>();
  const functionActions = new Map<string, { id: string; type: 'executeFunction' }>();
  const actionFor = (action: XmlElement): string => {
    const kind = action.attrs['xsi:type'];
    if (kind === 'ExecuteFunction') {
      const id = needChild(action, 'FunctionName').text;
      functionActions.set(id, { id, type: 'executeFunction' });
      return id;
    }
    if (kind !== 'ShowTaskpane') return fail(`an action of type ${kind}`);
    const page = urlOf(child(action, 'SourceLocation'));
    const pinnable = child(action, 'SupportsPinning')?.text === 'true';
    const id = pinnable ? 'ShowTaskpanePinnable' : 'ShowTaskpane';
    taskPaneActions.set(id, { id, type: 'openPage', pinnable, page });
    return id;
  };

  const ribbons: Record<string, unknown>[] = [];
  const autoRunEvents: Record<string, unknown>[] = [];
  form.children.filter(byName('ExtensionPoint')).forEach((point) => {
    const type = point.attrs['xsi:type'];
    if (type === 'LaunchEvent') {
      const events = descendants(point, byName('LaunchEvent')).map((event) => {
        const actionId = event.attrs.FunctionName ?? fail('a launch event without FunctionName');
        functionActions.set(actionId, { id: actionId, type: 'executeFunction' });
        return { type: lookup(EVENTS, event.attrs.Type, 'launch event'), actionId, options: { sendMode: lookup(SEND_MODES, event.attrs.SendMode ?? 'SoftBlock', 'send mode') } };
      });
      autoRunEvents.push({ requirements: { capabilities: [{ name: 'Mailbox', minVersion: minVersionOf(newest) }] }, events });
      return;
    }
    const ribbonIndex = ribbons.length;
    const tabs = point.children.filter(byName('OfficeTab')).map((tab, tabIndex) => ({
      builtInTabId: tab.attrs.id,
      groups: tab.children.filter(byName('Group')).map((group, groupIndex) => {
        const at = `extensions[0].ribbons[${ribbonIndex}].tabs[${tabIndex}].groups[${groupIndex}]`;
        return {
          id: group.attrs.id,
          label: translate(`${at}.label`, localizedOf(resourceOf(needChild(group, 'Label')))),
          controls: group.children.filter(byName('Control')).map((control, controlIndex) => {
            if (control.attrs['xsi:type'] !== 'Button') fail(`a control of type ${control.attrs['xsi:type']}`);
            const supertip = needChild(control, 'Supertip');
            const key = `${at}.controls[${controlIndex}]`;
            return {
              id: control.attrs.id,
              type: 'button',
              label: translate(`${key}.label`, localizedOf(resourceOf(needChild(control, 'Label')))),
              icons: needChild(control, 'Icon').children.map((image) => ({ size: Number(image.attrs.size), url: urlOf(image) })),
              supertip: {
                title: translate(`${key}.supertip.title`, localizedOf(resourceOf(needChild(supertip, 'Title')))),
                description: translate(`${key}.supertip.description`, localizedOf(resourceOf(needChild(supertip, 'Description')))),
              },
              actionId: actionFor(needChild(control, 'Action')),
            };
          }),
        };
      }),
    }));
    ribbons.push({ contexts: [lookup(CONTEXTS, type, 'extension point')], tabs });
  });

  const runtimes = [
    ...[...taskPaneActions.values()].map(({ page, ...action }) => ({ id: `TaskPane${action.pinnable ? 'Pinnable' : ''}Runtime`, type: 'general', code: { page }, lifetime: 'short', actions: [action] })),
    ...(functionActions.size > 0
      ? [{ id: 'CommandsRuntime', type: 'general', code: { page: functionFile, ...(scriptUrl ? { script: scriptUrl } : {}) }, lifetime: 'short', actions: [...functionActions.values()] }]
      : []),
  ];

  const { hostname, port } = new URL(options.publicUrl);
  const manifest: Record<string, unknown> = {
    $schema: UNIFIED_MANIFEST_SCHEMA,
    manifestVersion: UNIFIED_MANIFEST_VERSION,
    id: needChild(root, 'Id').text,
    version: semver(needChild(root, 'Version').text),
    localizationInfo: {
      defaultLanguageTag: defaultLocale.toLowerCase(),
      additionalLanguages: locales.map((locale) => ({ languageTag: locale.toLowerCase(), file: `${locale}.json` })),
    },
    developer: {
      name: needChild(root, 'ProviderName').text,
      websiteUrl: `${options.publicUrl}/`,
      privacyUrl: options.privacyUrl ?? `${options.publicUrl}/`,
      termsOfUseUrl: options.termsOfUseUrl ?? `${options.publicUrl}/`,
    },
    name: { short: name.value, full: name.value },
    description: { short: shortDescription(description.value), full: description.value },
    icons: { outline: OUTLINE_ICON, color: COLOR_ICON },
    accentColor: ACCENT_COLOR,
    validDomains: [port ? `${hostname}:${port}` : hostname],
    showLoadingIndicator: false,
    isFullScreen: false,
    defaultBlockUntilAdminAction: false,
    authorization: {
      permissions: {
        resourceSpecific: [
          { name: lookup(PERMISSIONS, needChild(root, 'Permissions').text, 'permission'), type: 'Delegated' },
          ...(sharedFolders === 'true' ? [{ name: SHARED_FOLDERS_PERMISSION, type: 'Delegated' }] : []),
        ],
      },
    },
    extensions: [
      {
        requirements: { scopes: ['mail'], capabilities: [{ name: 'Mailbox', minVersion: minVersionOf(oldest) }] },
        runtimes,
        ribbons,
        ...(autoRunEvents.length > 0 ? { autoRunEvents } : {}),
      },
    ],
  };
  return { manifest, localizations: [...translated].map(([locale, strings]) => ({ languageTag: locale.toLowerCase(), file: `${locale}.json`, strings })) };
}
