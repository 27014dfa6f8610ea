import type { MessageKey } from '../../../i18n/catalogue';
import type { enUS } from '../../../i18n/en-US';
import type { PlaceholdersOf } from '../../../../ui-shared/i18n/messages';

/** A message without placeholders: a label, a heading, a hint, a choice. */
export type LabelKey = { [K in MessageKey]: [PlaceholdersOf<(typeof enUS)[K]>] extends [never] ? K : never }[MessageKey];

/** A message that names one line of a list by its number: "line {n}". */
export type LineLabelKey = { [K in MessageKey]: [PlaceholdersOf<(typeof enUS)[K]>] extends ['n'] ? K : never }[MessageKey];
