import type { enUS } from './en-US';

/** A key of the catalogue. */
export type MessageKey = keyof typeof enUS;

/** The `{name}` placeholders of one message text. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;

/** The placeholders of a key, from its English text. */
export type ParamsOf<K extends MessageKey> = PlaceholdersOf<(typeof enUS)[K]>;

/**
 * What every locale's catalogue is: a text for every key of the English one. The type checker
 * finds a missing or extra key; `test/addin/i18n/catalogues.test.ts` finds a placeholder that a
 * translation lost or misspelt, which a string type cannot see.
 */
export type Catalogue = { readonly [K in MessageKey]: string };

/** Values for a message's placeholders; numbers are formatted by the caller (Intl) before they get here, or shown as they are. */
export type MessageParams<K extends MessageKey> = { readonly [P in ParamsOf<K>]: string | number };
