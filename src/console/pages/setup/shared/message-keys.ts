import type { PlaceholdersOf } from '../../../../ui-shared/i18n/messages';
import type { SetupMessageKey, SetupMessages } from '../i18n/setup-catalogue';

/** A message without placeholders: a label, a heading, a hint, a choice. */
export type LabelKey = { [K in SetupMessageKey]: [PlaceholdersOf<SetupMessages[K]>] extends [never] ? K : never }[SetupMessageKey];

/** A message that names one line of a list by its number: "line {n}". */
export type LineLabelKey = { [K in SetupMessageKey]: [PlaceholdersOf<SetupMessages[K]>] extends ['n'] ? K : never }[SetupMessageKey];
