/**
 * Hand-written checks of the few answers the add-in reads outside its sync chunk: the reply to
 * "Log email" and a problem document (the ribbon command), the log kept on an item, the dev-mode
 * token, the sign-in dialog's message and a JWT's expiry.
 *
 * Why not the contract's zod schemas: commands.js must be one standalone file (classic Outlook's
 * JavaScript-only runtime loads it alone) and the pane's first bundle is on a tight budget; zod with
 * the contract's schemas is some 30 KB gzip in each. Each check here reads only the fields its
 * caller uses and refuses a value whose those fields are missing or of another type, so a proxy's
 * page or another add-in's data never passes for an answer. Everything the service receives back
 * (a kept log) is validated again by the service. test/addin/api/guards.test.ts holds each check to
 * the contract's schema: every value the schema accepts is accepted and read the same.
 */
import type { EmailLogBody } from '../commands/send-log';

type Json = Record<string, unknown>;

export const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every(isString);
const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
/** Absent, or of the type `check` accepts. */
const optional = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);

/** What the add-in reads of an RFC 9457 problem document: its stable `code`, and `detail` or `title`. */
export type ProblemSummary = { code: string | null; detail: string | null };

/**
 * A problem document's `code` and text; both null when the value is not one (no string `code`, or
 * `status`, `title` or `detail` of another type). Unknown members are allowed, as RFC 9457 allows them.
 */
export function problemOf(value: unknown): ProblemSummary {
  if (!isRecord(value) || !isString(value.code)) return { code: null, detail: null };
  if (!optional(value.status, (status) => Number.isInteger(status)) || !optional(value.title, isString) || !optional(value.detail, isString)) return { code: null, detail: null };
  const detail = (value.detail as string | undefined) ?? (value.title as string | undefined) ?? null;
  return { code: value.code, detail };
}

/** What "Log email" reads of the reply to `POST /interactions/email` (`logEmailReplySchema`). */
export type LogEmailReplySummary = {
  interactions: { alreadyLogged: boolean; userEmail: string }[];
  unmatchedAddresses: string[];
  ambiguousAddresses: { address: string; contactNos: string[] }[];
};

/** The reply's parts "Log email" acts on, or null when the value is not such a reply. */
export function logEmailReplyOf(value: unknown): LogEmailReplySummary | null {
  if (!isRecord(value) || !Array.isArray(value.interactions) || !isStringArray(value.unmatchedAddresses) || !Array.isArray(value.ambiguousAddresses)) return null;
  const interactions: LogEmailReplySummary['interactions'] = [];
  for (const interaction of value.interactions) {
    if (!isRecord(interaction) || typeof interaction.alreadyLogged !== 'boolean' || !isString(interaction.userEmail)) return null;
    interactions.push({ alreadyLogged: interaction.alreadyLogged, userEmail: interaction.userEmail });
  }
  const ambiguousAddresses: LogEmailReplySummary['ambiguousAddresses'] = [];
  for (const entry of value.ambiguousAddresses) {
    if (!isRecord(entry) || !isString(entry.address) || !isStringArray(entry.contactNos)) return null;
    ambiguousAddresses.push({ address: entry.address, contactNos: [...entry.contactNos] });
  }
  return { interactions, unmatchedAddresses: [...value.unmatchedAddresses], ambiguousAddresses };
}

/** The dev service's `POST /dev/token` answer: a non-empty token and, when it says, its lifetime in seconds. */
export function devTokenOf(value: unknown): { accessToken: string; expiresIn?: number } | null {
  if (!isRecord(value) || !isString(value.accessToken) || value.accessToken === '') return null;
  if (!optional(value.tokenType, isString) || !optional(value.expiresIn, (seconds) => isFiniteNumber(seconds) && seconds > 0)) return null;
  return value.expiresIn === undefined ? { accessToken: value.accessToken } : { accessToken: value.accessToken, expiresIn: value.expiresIn as number };
}

/**
 * What the sign-in dialog (auth/auth-dialog.ts) sends the pane through
 * `Office.context.ui.messageParent`: the token on success, msal's error code on failure.
 */
export type DialogMessage =
  /** `expiresOn`: epoch milliseconds; null when the identity platform did not say. */
  | { status: 'success'; accessToken: string; expiresOn: number | null }
  /** `code`: msal's `errorCode`, or `unknown` for a failure that was not msal's. */
  | { status: 'failure'; code: string };

const hasExactly = (value: Json, keys: readonly string[]): boolean => Object.keys(value).length === keys.length && keys.every((key) => key in value);

/** The dialog's message, or null when the value is not exactly one of the two (no other members). */
export function dialogMessageOf(value: unknown): DialogMessage | null {
  if (!isRecord(value)) return null;
  if (value.status === 'success' && hasExactly(value, ['status', 'accessToken', 'expiresOn'])) {
    const { accessToken, expiresOn } = value;
    if (!isString(accessToken) || accessToken === '' || !(expiresOn === null || typeof expiresOn === 'number')) return null;
    return { status: 'success', accessToken, expiresOn };
  }
  if (value.status === 'failure' && hasExactly(value, ['status', 'code']) && isString(value.code)) return { status: 'failure', code: value.code };
  return null;
}

/** A JWT payload's numeric `exp` (seconds), or null. */
export function jwtExpOf(payload: unknown): number | null {
  return isRecord(payload) && isFiniteNumber(payload.exp) ? payload.exp : null;
}

const MAILBOX_KEYS = new Set(['name', 'address']);
const isMailbox = (value: unknown): boolean =>
  isRecord(value) && Object.keys(value).every((key) => MAILBOX_KEYS.has(key)) && optional(value.name, isString) && isString(value.address) && value.address.includes('@');
const isMailboxList = (value: unknown): boolean => Array.isArray(value) && value.every(isMailbox);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The members of a log body, each with its check (`logEmailBodySchema`); a kept log has no others. */
const EMAIL_LOG_MEMBERS: Record<string, (value: unknown) => boolean> = {
  id: (value) => isString(value) && UUID.test(value),
  internetMessageId: (value) => isString(value) && value.trim() !== '',
  conversationId: isString,
  subject: isString,
  from: isMailbox,
  to: isMailboxList,
  cc: isMailboxList,
  sentAt: (value) => isString(value) && !Number.isNaN(Date.parse(value)),
  bodyText: isString,
  attachmentNames: isStringArray,
  contactNos: isStringArray,
  campaignNo: isString,
  campaignTarget: (value) => typeof value === 'boolean',
  campaignResponse: (value) => typeof value === 'boolean',
  opportunityNo: isString,
  mailboxAddress: (value) => isString(value) && value.includes('@'),
};
const REQUIRED_EMAIL_LOG_MEMBERS = ['id', 'internetMessageId', 'from', 'sentAt'];

const mailboxOf = (value: Json) => ({ name: (value.name as string | undefined) ?? '', address: value.address as string });

/**
 * A log of a message kept on its item (commands/pending-log.ts) read back: the body with every
 * member of the right type, an id to retry it under, and the defaults the contract fills in; null
 * for anything else (another add-in's property, damaged or older JSON). The service checks the
 * limits (lengths, counts) when the log is sent.
 */
export function emailLogBodyOf(value: unknown): (EmailLogBody & { id: string }) | null {
  if (!isRecord(value)) return null;
  for (const [key, member] of Object.entries(value)) {
    const check = EMAIL_LOG_MEMBERS[key];
    if (check === undefined || !check(member)) return null;
  }
  if (REQUIRED_EMAIL_LOG_MEMBERS.some((key) => value[key] === undefined)) return null;
  const mailboxes = (list: unknown) => ((list as Json[] | undefined) ?? []).map(mailboxOf);
  const { campaignNo, campaignTarget, campaignResponse, opportunityNo, mailboxAddress } = value as Partial<EmailLogBody>;
  return {
    id: value.id as string,
    internetMessageId: value.internetMessageId as string,
    conversationId: (value.conversationId as string | undefined) ?? '',
    subject: (value.subject as string | undefined) ?? '',
    from: mailboxOf(value.from as Json),
    to: mailboxes(value.to),
    cc: mailboxes(value.cc),
    sentAt: value.sentAt as string,
    bodyText: (value.bodyText as string | undefined) ?? '',
    attachmentNames: [...((value.attachmentNames as string[] | undefined) ?? [])],
    contactNos: [...((value.contactNos as string[] | undefined) ?? [])],
    ...(campaignNo === undefined ? {} : { campaignNo }),
    ...(campaignTarget === undefined ? {} : { campaignTarget }),
    ...(campaignResponse === undefined ? {} : { campaignResponse }),
    ...(opportunityNo === undefined ? {} : { opportunityNo }),
    ...(mailboxAddress === undefined ? {} : { mailboxAddress }),
  };
}
