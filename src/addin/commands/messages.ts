/**
 * The notices of the "Log email" command, in the user's language. The i18n module supplies them
 * per language; `EN_US_COMMAND_MESSAGES` is the fallback. Outlook shows at most 150 characters.
 */
export type CommandMessages = {
  logged: string;
  /** Logged now for some contacts; `unknownCount` addresses belong to nobody yet. */
  loggedWithUnknown: (unknownCount: number) => string;
  /** Logged before by the signed-in user, or by someone the reply does not name. */
  alreadyLogged: string;
  alreadyLoggedBy: (who: string) => string;
  nobodyKnown: (addresses: readonly string[]) => string;
  /** The service could not be reached: the log waits on the message. */
  queued: string;
  /** Not signed in: the log waits on the message until the user signs in in the pane. */
  queuedSignIn: string;
  rejected: string;
  failed: string;
  notAMessage: string;
};

export const EN_US_COMMAND_MESSAGES: CommandMessages = {
  logged: 'Rapport: email logged.',
  loggedWithUnknown: (unknownCount) => `Rapport: email logged. ${unknownCount === 1 ? '1 address is' : `${unknownCount} addresses are`} not a contact yet.`,
  alreadyLogged: 'Rapport: this email was already logged.',
  alreadyLoggedBy: (who) => `Rapport: this email was already logged by ${who}.`,
  nobodyKnown: (addresses) => `Rapport: nobody in this email is a contact (${addresses.join(', ')}). Open Rapport to add them.`,
  queued: 'Rapport: offline. The email is queued and will be logged when Rapport is next open and online.',
  queuedSignIn: 'Rapport: sign in to log. The email is queued; open Rapport to sign in.',
  rejected: 'Rapport could not log this email. Open Rapport for details.',
  failed: 'Rapport could not log this email. Please try again.',
  notAMessage: 'Rapport: open a received or sent email to log it.',
};
