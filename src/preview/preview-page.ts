// Entry of the preview page (/preview/): a sample mailbox on the left whose selected message drives
// the real task pane on the right, through the Office stand-in in the pane's frame. Plain DOM: the
// inbox is scaffolding; the pane is the product.
import { formatAddressList, parseAddressList } from './address-list';
import { h, replaceChildren } from './dom';
import { exposePreviewHost } from './preview-host';
import { LOG_EMAIL_COMMAND, PreviewMailbox, type CommandOutcome, type MailboxItem, type PreviewTheme, type PreviewUser } from './preview-mailbox';
import { DELEGATOR, SAMPLE_INBOX, SHARED_MAILBOX, type SampleAddress, type SampleFolder } from './sample-inbox';

/** Outlook's display languages the pane ships in (nl-BE reads Dutch). */
const UI_LOCALES = ['en-US', 'sv-SE', 'nb-NO', 'da-DK', 'fi-FI', 'nl-NL', 'nl-BE', 'de-DE'] as const;
const THEMES: readonly { value: PreviewTheme; label: string }[] = [
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
  { value: 'highContrast', label: 'High contrast' },
  { value: 'unset', label: 'Not reported' },
];
const FOLDERS: readonly { folder: SampleFolder; label: string }[] = [
  { folder: 'inbox', label: 'Inbox' },
  { folder: 'sent', label: 'Sent Items' },
  { folder: 'drafts', label: 'Drafts' },
  // Mailboxes of others the user reads, as Outlook lists them under "Shared with me".
  { folder: 'shared', label: `${SHARED_MAILBOX.displayName} (shared mailbox)` },
  { folder: 'delegated', label: `${DELEGATOR.displayName}'s Inbox (delegate)` },
];
const DEVICES = [1, 2] as const;

type DevUsers = { items: { email: string; name: string }[] };

/** Outlook reports a language with its region; a browser may not (`sv`), so the first match is taken. */
function browserDisplayLanguage(): string {
  const language = navigator.language || 'en-US';
  if (language.includes('-')) return language;
  return UI_LOCALES.find((locale) => locale.startsWith(`${language}-`)) ?? language;
}

async function loadUsers(): Promise<PreviewUser[]> {
  const response = await fetch('/dev/users');
  if (!response.ok) throw new Error(`GET /dev/users answered ${response.status}`);
  const body = (await response.json()) as DevUsers;
  return body.items.map((user) => ({ displayName: user.name, emailAddress: user.email }));
}

const isTheme = (value: string | null): value is PreviewTheme => THEMES.some((theme) => theme.value === value);

const formatDate = (iso: string): string => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const formatShortDate = (iso: string): string => {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(undefined, sameDay ? { timeStyle: 'short' } : { month: 'short', day: 'numeric' }).format(date);
};
/** Sent from the mailbox the item is in (the user's, or a shared one's owner): the list shows its recipients. */
const sentFromHere = (item: MailboxItem): boolean =>
  item.folder === 'sent' || item.folder === 'drafts' || (item.owner !== null && item.owner.emailAddress.toLowerCase() === item.from.emailAddress.toLowerCase());
const addressLine = (address: SampleAddress): string => (address.displayName === address.emailAddress ? address.emailAddress : `${address.displayName} <${address.emailAddress}>`);
const bodyPreview = (item: MailboxItem): string => {
  if (item.body.type === 'text') return item.body.text.replace(/\s+/g, ' ').slice(0, 90);
  // An inert document, only to read the text of an HTML body for the list.
  const text = new DOMParser().parseFromString(item.body.html, 'text/html').body?.textContent ?? '';
  return text.replace(/\s+/g, ' ').trim().slice(0, 90);
};

async function main(): Promise<void> {
  const root = document.getElementById('preview');
  if (root === null) throw new Error('the preview page has no #preview element');
  const params = new URLSearchParams(window.location.search);

  let users: PreviewUser[];
  try {
    users = await loadUsers();
  } catch (error) {
    replaceChildren(
      root,
      h('div', { class: 'fatal', role: 'alert' }, h('h1', {}, 'The preview needs the service in dev mode'), h('p', {}, 'Start it with npm start, then reload this page. (', String(error), ')')),
    );
    return;
  }
  const wantedUser = params.get('user')?.toLowerCase();
  const user = users.find((candidate) => candidate.emailAddress.toLowerCase() === wantedUser) ?? users[0];
  if (user === undefined) {
    replaceChildren(root, h('div', { class: 'fatal', role: 'alert' }, h('h1', {}, 'No demo users'), h('p', {}, 'GET /dev/users returned nobody.')));
    return;
  }
  const requestedTheme = params.get('theme');
  const mailbox = new PreviewMailbox({
    samples: SAMPLE_INBOX,
    user,
    displayLanguage: params.get('lang') ?? browserDisplayLanguage(),
    theme: isTheme(requestedTheme) ? requestedTheme : 'light',
  });
  // Before any frame exists: the frames look for it as their first act.
  exposePreviewHost(window, { mailbox });
  document.documentElement.dataset.theme = mailbox.theme();

  let folder: SampleFolder = 'inbox';
  const status = h('span', { class: 'status', role: 'status', 'aria-live': 'polite' });
  const say = (message: string) => {
    status.textContent = message;
  };

  // ------------------------------------------------------------------------------------------
  // Header: who, language, theme, second device

  const userSelect = h(
    'select',
    {
      id: 'user',
      onchange: () => {
        const next = users.find((candidate) => candidate.emailAddress === userSelect.value);
        if (next) mailbox.changeSettings({ user: next });
      },
    },
    ...users.map((candidate) => h('option', { value: candidate.emailAddress, selected: candidate.emailAddress === user.emailAddress }, `${candidate.displayName} (${candidate.emailAddress})`)),
  );
  const languages = UI_LOCALES.includes(mailbox.displayLanguage() as (typeof UI_LOCALES)[number]) ? [...UI_LOCALES] : [...UI_LOCALES, mailbox.displayLanguage()];
  const languageSelect = h(
    'select',
    { id: 'language', onchange: () => mailbox.changeSettings({ displayLanguage: languageSelect.value }) },
    ...languages.map((locale) => h('option', { value: locale, selected: locale === mailbox.displayLanguage() }, locale)),
  );
  const themeSelect = h(
    'select',
    {
      id: 'theme',
      onchange: () => {
        if (isTheme(themeSelect.value)) mailbox.changeSettings({ theme: themeSelect.value });
      },
    },
    ...THEMES.map((theme) => h('option', { value: theme.value, selected: theme.value === mailbox.theme() }, theme.label)),
  );
  const secondDevice = h('input', { type: 'checkbox', id: 'second-device', checked: params.get('devices') === '2', onchange: () => showDevices() });

  const header = h(
    'header',
    { class: 'topbar' },
    h('div', { class: 'brand' }, h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, 'R'), h('span', {}, 'Rapport'), h('span', { class: 'brand-sub' }, 'mailbox preview')),
    h(
      'div',
      { class: 'settings' },
      h('label', { for: 'user' }, 'Signed in as', userSelect),
      h('label', { for: 'language' }, 'Outlook language', languageSelect),
      h('label', { for: 'theme' }, 'Theme', themeSelect),
      h('label', { class: 'check', for: 'second-device' }, secondDevice, 'Second device'),
    ),
  );

  // ------------------------------------------------------------------------------------------
  // Ribbon

  const logEmailButton = h('button', { type: 'button', id: 'log-email', class: 'ribbon-button', onclick: () => void logEmail() }, 'Log email');
  const ribbon = h(
    'div',
    { class: 'ribbon', role: 'toolbar', 'aria-label': 'Outlook ribbon' },
    h('button', { type: 'button', id: 'new-message', class: 'ribbon-button primary', onclick: () => mailbox.compose() }, 'New message'),
    logEmailButton,
    h('button', { type: 'button', id: 'reload-panes', class: 'ribbon-button', onclick: () => reloadFrames() }, 'Reload panes'),
    status,
  );

  const describeOutcome = (name: string, outcome: CommandOutcome): string => {
    switch (outcome.state) {
      case 'completed':
        return `${name}: done.`;
      case 'not-registered':
        return `${name}: Rapport's commands have not registered it (is commands.js loaded?).`;
      case 'timed-out':
        return `${name}: did not complete in time.`;
      case 'threw':
        return `${name}: failed (${String(outcome.error)}).`;
    }
  };

  async function logEmail(): Promise<void> {
    const item = mailbox.selected();
    if (item === null || item.mode !== 'read') return;
    say('Log email: running…');
    logEmailButton.disabled = true;
    try {
      say(describeOutcome('Log email', await mailbox.runCommand(LOG_EMAIL_COMMAND, item.id)));
    } finally {
      logEmailButton.disabled = mailbox.selected()?.mode !== 'read';
    }
  }

  // ------------------------------------------------------------------------------------------
  // Folders and message list

  const folderNav = h('nav', { class: 'folders', 'aria-label': 'Folders' });
  const messageList = h('ul', { class: 'messages', 'aria-label': 'Messages' });

  function renderFolders(): void {
    replaceChildren(
      folderNav,
      ...FOLDERS.map(({ folder: value, label }) =>
        h(
          'button',
          {
            type: 'button',
            class: 'folder',
            'data-folder': value,
            'aria-current': value === folder ? 'true' : undefined,
            onclick: () => {
              folder = value;
              renderFolders();
              renderList();
            },
          },
          h('span', {}, label),
          h('span', { class: 'count' }, String(mailbox.list(value).length)),
        ),
      ),
    );
  }

  function renderList(): void {
    const selectedId = mailbox.selected()?.id;
    const items = mailbox.list(folder);
    replaceChildren(
      messageList,
      ...items.map((item) => {
        const who = sentFromHere(item) ? `To: ${item.to.map((address) => address.displayName).join(', ') || '(nobody yet)'}` : item.from.displayName;
        return h(
          'li',
          {},
          h(
            'button',
            { type: 'button', class: 'message', 'data-item-id': item.id, 'aria-current': item.id === selectedId ? 'true' : undefined, onclick: () => mailbox.select(item.id) },
            h('span', { class: 'message-top' }, h('span', { class: 'message-who' }, who), h('span', { class: 'message-date' }, formatShortDate(item.sentAt))),
            h('span', { class: 'message-subject' }, item.subject || '(no subject)'),
            h('span', { class: 'message-preview' }, bodyPreview(item)),
            item.sample ? h('span', { class: 'tags' }, h('span', { class: 'tag' }, item.sample.language), h('span', { class: 'tag' }, item.sample.sender)) : null,
          ),
        );
      }),
      items.length === 0 ? h('li', { class: 'empty' }, 'Nothing here.') : null,
    );
  }

  // ------------------------------------------------------------------------------------------
  // Reading pane and compose form

  const reading = h('main', { class: 'reading', 'aria-label': 'Message' });
  const notices = h('div', { class: 'notices', 'aria-live': 'polite' });

  function renderNotices(): void {
    const item = mailbox.selected();
    replaceChildren(
      notices,
      ...(item?.notifications ?? []).map((notice) =>
        h('div', { class: `notice notice-${notice.type}`, 'data-notice-key': notice.key, title: `Add-in notification (${notice.type})` }, notice.message),
      ),
    );
  }

  function renderReading(): void {
    const item = mailbox.selected();
    logEmailButton.disabled = item?.mode !== 'read';
    if (item === null) {
      replaceChildren(reading, h('p', { class: 'empty' }, 'Select a message.'));
      return;
    }
    renderNotices();
    replaceChildren(reading, ...(item.mode === 'compose' ? composeView(item) : readView(item)));
  }

  function readView(item: MailboxItem): Node[] {
    const body =
      item.body.type === 'html'
        ? // No allow-scripts, no allow-same-origin: the body can neither run nor reach this page.
          // The policy in the document also stops remote content, as Outlook blocks external images.
          h('iframe', {
            class: 'body-html',
            title: 'Message body',
            sandbox: '',
            referrerpolicy: 'no-referrer',
            srcdoc: `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">${item.body.html}`,
          })
        : h('div', { class: 'body-text' }, item.body.text);
    return [
      h('h2', { class: 'subject' }, item.subject || '(no subject)'),
      h(
        'dl',
        { class: 'headers' },
        h('dt', {}, 'From'),
        h('dd', {}, addressLine(item.from)),
        h('dt', {}, 'To'),
        h('dd', {}, item.to.map(addressLine).join('; ')),
        item.cc.length > 0 ? h('dt', {}, 'Cc') : null,
        item.cc.length > 0 ? h('dd', {}, item.cc.map(addressLine).join('; ')) : null,
        h('dt', {}, 'Sent'),
        h('dd', {}, formatDate(item.sentAt)),
        item.owner !== null ? h('dt', {}, 'Mailbox') : null,
        item.owner !== null ? h('dd', { 'data-mailbox-owner': item.owner.emailAddress }, addressLine(item.owner)) : null,
      ),
      item.sample ? h('p', { class: 'hint' }, h('strong', {}, 'What to look for: '), item.sample.note) : h('span'),
      notices,
      item.attachments.length > 0 ? h('ul', { class: 'attachments', 'aria-label': 'Attachments' }, ...item.attachments.map((attachment) => h('li', {}, attachment.name))) : h('span'),
      body,
    ];
  }

  function composeView(draft: MailboxItem): Node[] {
    const field = (id: string, label: string, value: string, onInput: (value: string) => void) => {
      const input = h('input', { id, type: 'text', value, autocomplete: 'off', spellcheck: 'false' });
      input.addEventListener('input', () => onInput(input.value));
      return h('div', { class: 'compose-field' }, h('label', { for: id }, label), input);
    };
    const text = draft.body.type === 'text' ? draft.body.text : '';
    const bodyInput = h('textarea', { id: 'compose-body', rows: 10, 'aria-label': 'Message body' }, text);
    bodyInput.addEventListener('input', () => mailbox.updateDraft(draft.id, { text: bodyInput.value }));
    const sendResult = h('div', { class: 'send-result', role: 'alert' });
    const sendButton = h('button', { type: 'button', id: 'send', class: 'ribbon-button primary' }, 'Send');

    async function send(force: boolean): Promise<void> {
      sendButton.disabled = true;
      replaceChildren(sendResult, h('span', { class: 'progress' }, force ? 'Sending…' : "Running Rapport's send handler…"));
      const outcome = await mailbox.send(draft.id, { force });
      if (outcome.state === 'sent') {
        folder = 'sent';
        renderFolders();
        renderList();
        say(`Sent "${outcome.item.subject || '(no subject)'}" (${outcome.item.internetMessageId ?? ''}).`);
        return;
      }
      sendButton.disabled = false;
      const why =
        outcome.outcome.state === 'completed'
          ? (outcome.errorMessage ?? 'Rapport did not allow the message to be sent.')
          : describeOutcome("Rapport's send handler", outcome.outcome);
      // SendMode="PromptUser" in manifest.xml: the user may send anyway.
      replaceChildren(
        sendResult,
        h('div', { class: 'blocked' }, h('strong', {}, 'Not sent. '), why),
        h('button', { type: 'button', class: 'ribbon-button', onclick: () => void send(true) }, 'Send anyway'),
        h('button', { type: 'button', class: 'ribbon-button', onclick: () => replaceChildren(sendResult) }, "Don't send"),
      );
    }
    sendButton.addEventListener('click', () => void send(false));

    return [
      h('h2', { class: 'subject' }, 'New message'),
      notices,
      h(
        'form',
        { class: 'compose', onsubmit: (event: Event) => event.preventDefault() },
        h('div', { class: 'compose-field' }, h('span', { class: 'compose-label' }, 'From'), h('span', {}, addressLine(draft.from))),
        field('compose-to', 'To', formatAddressList(draft.to), (value) => mailbox.updateDraft(draft.id, { to: parseAddressList(value) })),
        field('compose-cc', 'Cc', formatAddressList(draft.cc), (value) => mailbox.updateDraft(draft.id, { cc: parseAddressList(value) })),
        field('compose-subject', 'Subject', draft.subject, (value) => mailbox.updateDraft(draft.id, { subject: value })),
        bodyInput,
        h(
          'div',
          { class: 'compose-actions' },
          sendButton,
          h('button', { type: 'button', class: 'ribbon-button', onclick: () => mailbox.discardDraft(draft.id) }, 'Discard'),
        ),
        sendResult,
      ),
    ];
  }

  // ------------------------------------------------------------------------------------------
  // The panes (one per device) and the commands runtime

  const paneColumns = h('aside', { class: 'panes', 'aria-label': 'Rapport task panes' });
  // `officeReadyMs` (how long the stand-in's Office.onReady takes) passes through to the panes: the
  // pane benchmark sets 0 to time the pane alone, Office.js excluded.
  const officeReadyMs = params.get('officeReadyMs');
  const paneQuery = (device: number) => new URLSearchParams({ device: String(device), ...(officeReadyMs === null ? {} : { officeReadyMs }) }).toString();
  const paneFrames = new Map<number, HTMLIFrameElement>();
  const deviceColumns = new Map<number, HTMLElement>();

  function deviceColumn(device: number): HTMLElement {
    const online = h('input', { type: 'checkbox', id: `online-${device}`, checked: mailbox.isOnline(device), onchange: () => mailbox.setOnline(device, online.checked) });
    const frame = h('iframe', { class: 'pane-frame', title: `Rapport task pane, device ${device}`, src: `/preview/pane.html?${paneQuery(device)}`, 'data-device': device });
    paneFrames.set(device, frame);
    return h(
      'section',
      { class: 'pane-column', 'data-device': device },
      h(
        'div',
        { class: 'pane-bar' },
        h('span', { class: 'pane-title' }, `Device ${device}`),
        h('label', { class: 'check', for: `online-${device}` }, online, 'Online'),
        h('button', { type: 'button', class: 'link-button', onclick: () => frame.contentWindow?.location.reload() }, 'Reload'),
      ),
      frame,
    );
  }

  function showDevices(): void {
    for (const device of DEVICES) {
      const wanted = device === 1 || secondDevice.checked;
      let column = deviceColumns.get(device);
      // A device's pane starts the first time it is shown, so the second one costs nothing until then.
      if (wanted && column === undefined) {
        column = deviceColumn(device);
        deviceColumns.set(device, column);
        paneColumns.append(column);
      }
      if (column) column.hidden = !wanted;
    }
    paneColumns.dataset.devices = secondDevice.checked ? '2' : '1';
  }

  // The commands runtime runs commands.js as Outlook does: without a pane. It is on device 1's network.
  const commandsFrame = h('iframe', { class: 'commands-frame', title: 'Rapport commands runtime', src: '/addin/preview/commands.html?device=1', hidden: true, 'aria-hidden': 'true', tabindex: -1 });

  function reloadFrames(): void {
    for (const frame of [...paneFrames.values(), commandsFrame]) frame.contentWindow?.location.reload();
  }

  // ------------------------------------------------------------------------------------------
  // Wiring

  mailbox.on('items', () => {
    renderFolders();
    renderList();
  });
  mailbox.on('selection', () => {
    const item = mailbox.selected();
    if (item !== null && item.folder !== folder) {
      folder = item.folder;
      renderFolders();
    }
    renderList();
    renderReading();
  });
  mailbox.on('notifications', renderNotices);
  mailbox.on('network', () => {
    for (const device of DEVICES) {
      const box = document.getElementById(`online-${device}`);
      if (box instanceof HTMLInputElement) box.checked = mailbox.isOnline(device);
    }
  });
  // Outlook restarts an add-in for another account, language or theme; so does the preview.
  mailbox.on('settings', () => {
    document.documentElement.dataset.theme = mailbox.theme();
    reloadFrames();
  });

  replaceChildren(
    root,
    header,
    ribbon,
    h('div', { class: 'workspace' }, h('div', { class: 'mail' }, folderNav, h('section', { class: 'list' }, messageList), reading), paneColumns),
    commandsFrame,
  );
  renderFolders();
  renderList();
  showDevices();

  const firstId = params.get('item') ?? mailbox.list('inbox')[0]?.id ?? null;
  mailbox.select(firstId !== null && mailbox.item(firstId) ? firstId : null);
  renderReading();
}

void main();
