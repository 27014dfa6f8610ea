import type { InformationFlow, InitiatedBy } from './interaction-template-setup';

/** A mailbox on an e-mail: display name and address. */
export type Mailbox = { name: string; address: string };

/** What an address is known as: the salesperson and the contacts with that e-mail. */
export type AddressMatch = {
  salespersonCode: string;
  contactNos: readonly string[];
  personContactNos: readonly string[];
  /**
   * Persons among `contactNos` whose e-mail is only inherited from their company, which is itself
   * among `contactNos`: the address is the company's general one, not theirs.
   */
  inheritingPersonContactNos: readonly string[];
};

export type EmailToLog = {
  from: Mailbox;
  to: readonly Mailbox[];
  cc: readonly Mailbox[];
  /** Contacts the user chose explicitly (an unknown sender, or a choice among several matches). */
  explicitContactNos: readonly string[];
  /** The signed-in user's salesperson, '' when the user is none. */
  userSalespersonCode: string;
  /**
   * The mailbox the message is in when it is not the user's own: a shared mailbox (sales@) or the
   * mailbox of someone the user is a delegate of, by its owner's address. Absent or '' for the
   * user's own mailbox.
   */
  mailboxAddress?: string | undefined;
};

export type PlannedInteraction = { contactNo: string; salespersonCode: string };

export type EmailLogPlan = {
  informationFlow: Exclude<InformationFlow, ''>;
  initiatedBy: Exclude<InitiatedBy, ''>;
  interactions: PlannedInteraction[];
  /** Addresses that are neither a contact nor a salesperson: the user may add them as contacts. */
  unmatchedAddresses: string[];
  /** Addresses that match several contacts and no single person among them: the user chooses. */
  ambiguousAddresses: { address: string; contactNos: string[] }[];
};

/**
 * Which contact an address stands for: the only contact with it, or else the only person among
 * them (Business Central's add-in prefers a single person); undefined when several remain.
 * Improved: persons who only inherit the address from their company do not count, so a
 * company's general address (info@) is the company's. Business Central takes the first match and
 * cannot tell; only persons who typed the address themselves make it ambiguous.
 */
export function chooseContact(match: AddressMatch): string | undefined {
  const inheriting = new Set(match.inheritingPersonContactNos);
  const contactNos = match.contactNos.filter((no) => !inheriting.has(no));
  const personContactNos = match.personContactNos.filter((no) => !inheriting.has(no));
  if (contactNos.length === 1) return contactNos[0];
  if (personContactNos.length === 1) return personContactNos[0];
  return undefined;
}

/**
 * The mailbox a message was logged from when it is not the user's own (`EmailToLog.mailboxAddress`),
 * normalised; '' for the user's own, also when a client names the user's own address.
 */
export function sharedMailboxOf(email: Pick<EmailToLog, 'mailboxAddress'>, userEmail: string): string {
  const mailbox = (email.mailboxAddress ?? '').trim().toLowerCase();
  return mailbox === userEmail.trim().toLowerCase() ? '' : mailbox;
}

/**
 * Business Central's e-mail logging rules (§10.1), improved:
 * - sent by a salesperson (or by the signed-in user) → outbound, initiated by us, one interaction per
 *   To/Cc contact, with the sender's salesperson;
 * - otherwise → inbound, initiated by them, one interaction for the sender's contact, with the
 *   salesperson among the recipients (the user's own first), else the user's;
 * - explicit contacts are logged whatever the addresses say, in the direction the sender gives;
 * - nothing is dropped silently: unknown and ambiguous addresses are reported.
 * One interaction per contact: a contact that appears twice is logged once.
 *
 * Improved: a message in a shared mailbox (sales@) or a delegated one is judged against that
 * mailbox's owner, as the user's own mail is against the user: sent from the owner's address →
 * outbound (a colleague answering as sales@), otherwise inbound (a customer writing to sales@). Its
 * interactions are the user's, who read and logged it: the user's salesperson, when the user is one
 * (else the rules above). The mailbox's own address is never reported as unknown.
 * `lookup` answers for a normalised address.
 */
export function planEmailLog(email: EmailToLog, userEmail: string, lookup: (address: string) => AddressMatch): EmailLogPlan {
  const normalized = (address: string) => address.trim().toLowerCase();
  const sender = normalized(email.from.address);
  const senderMatch = lookup(sender);
  const sharedMailbox = sharedMailboxOf(email, userEmail);
  const ownAddresses = new Set([normalized(userEmail), sharedMailbox].filter((address) => address !== ''));
  // Logged from a shared or delegated mailbox: the interactions are the user's.
  const loggerSalesperson = sharedMailbox !== '' ? email.userSalespersonCode : '';
  const recipients = [...email.to, ...email.cc].map((mailbox) => normalized(mailbox.address)).filter((address, index, all) => address && all.indexOf(address) === index);
  const outbound = senderMatch.salespersonCode !== '' || ownAddresses.has(sender);
  const unmatchedAddresses: string[] = [];
  const ambiguousAddresses: { address: string; contactNos: string[] }[] = [];
  const interactions: PlannedInteraction[] = [];
  const add = (contactNo: string, salespersonCode: string) => {
    if (!interactions.some((interaction) => interaction.contactNo === contactNo)) interactions.push({ contactNo, salespersonCode });
  };
  const classify = (address: string, match: AddressMatch): string | undefined => {
    const contactNo = chooseContact(match);
    if (contactNo === undefined && match.contactNos.length > 1) {
      const inheriting = new Set(match.inheritingPersonContactNos);
      ambiguousAddresses.push({ address, contactNos: match.contactNos.filter((no) => !inheriting.has(no)) });
    }
    if (match.contactNos.length === 0 && match.salespersonCode === '' && !ownAddresses.has(address)) unmatchedAddresses.push(address);
    return contactNo;
  };

  if (outbound) {
    const salespersonCode = loggerSalesperson || senderMatch.salespersonCode || email.userSalespersonCode;
    for (const address of recipients) {
      const match = lookup(address);
      if (match.salespersonCode !== '' && match.contactNos.length === 0) continue; // a colleague
      const contactNo = classify(address, match);
      if (contactNo !== undefined && email.explicitContactNos.length === 0) add(contactNo, salespersonCode);
    }
    for (const contactNo of email.explicitContactNos) add(contactNo, salespersonCode);
    return { informationFlow: 'outbound', initiatedBy: 'us', interactions, unmatchedAddresses, ambiguousAddresses };
  }

  const recipientSalespeople = recipients.map((address) => lookup(address).salespersonCode).filter(Boolean);
  const salespersonCode =
    loggerSalesperson ||
    (recipientSalespeople.includes(email.userSalespersonCode) && email.userSalespersonCode !== '' ? email.userSalespersonCode : (recipientSalespeople[0] ?? email.userSalespersonCode));
  const senderContact = classify(sender, senderMatch);
  if (email.explicitContactNos.length > 0) for (const contactNo of email.explicitContactNos) add(contactNo, salespersonCode);
  else if (senderContact !== undefined) add(senderContact, salespersonCode);
  return { informationFlow: 'inbound', initiatedBy: 'them', interactions, unmatchedAddresses, ambiguousAddresses };
}

/** Business Central truncates an e-mail subject to the entry's Description/Subject length. */
export const interactionSubject = (subject: string): string => subject.trim().slice(0, 100);
