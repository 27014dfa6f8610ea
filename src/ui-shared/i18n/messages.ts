/**
 * The types of a message catalogue, shared by the task pane and the console. Each client has its
 * own English source catalogue (a const object of key → text); its keys and `{placeholders}` are
 * the type every other locale's catalogue must satisfy, so a missing or extra key fails the type
 * check, and a `t(key, params)` call with a wrong key or a missing placeholder does too.
 */

/** A source catalogue: key → US English text, declared `as const`-like (literal texts). */
export type MessageSource = { readonly [key: string]: string };

/** The `{name}` placeholders of one message text. */
export type PlaceholdersOf<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholdersOf<Rest> : never;

/** What every locale's catalogue is: a text for every key of the source. */
export type CatalogueOf<Source extends MessageSource> = { readonly [K in keyof Source]: string };

/** The placeholders of a key, from its English text. */
export type ParamsOf<Source extends MessageSource, K extends keyof Source> = PlaceholdersOf<Source[K]>;

/** Values for a message's placeholders; numbers are formatted by the caller (Intl) before they get here, or shown as they are. */
export type MessageParams<Source extends MessageSource, K extends keyof Source> = { readonly [P in ParamsOf<Source, K>]: string | number };

/**
 * Looks a message up and fills its `{placeholders}`. A key without placeholders takes no second
 * argument; one with placeholders requires every one of them (a type error otherwise).
 */
export type Translate<Source extends MessageSource> = <K extends keyof Source & string>(
  key: K,
  ...params: [ParamsOf<Source, K>] extends [never] ? [] : [MessageParams<Source, K>]
) => string;
