import type { Catalogue, MessageKey, MessageParams, ParamsOf } from './catalogue';
import { enUS } from './en-US';

/**
 * Looks a message up and fills its `{placeholders}`. A key without placeholders takes no second
 * argument; one with placeholders requires every one of them (a type error otherwise).
 */
export type Translate = <K extends MessageKey>(key: K, ...params: [ParamsOf<K>] extends [never] ? [] : [MessageParams<K>]) => string;

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;

/** A translator over `catalogue`; a key the catalogue lacks at run time falls back to English. */
export function createTranslator(catalogue: Catalogue): Translate {
  return ((key: MessageKey, params?: Readonly<Record<string, string | number>>) => {
    const text = catalogue[key] ?? enUS[key];
    if (params === undefined) return text;
    return text.replace(PLACEHOLDER, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : String(value);
    });
  }) as Translate;
}

/** The placeholders a message text names, in order of appearance; the catalogue test compares them across locales. */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}
