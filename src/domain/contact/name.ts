import { contactFieldLength, toCodeValue } from './fields';

/** A person's name in parts (§2.5): First Name, Middle Name, Surname. */
export type PersonNameParts = { firstName: string; middleName: string; surname: string };

// Each part is Text[30] (§2.1).
const cut = (value: string, field: keyof PersonNameParts): string => value.slice(0, contactFieldLength(field)).trimEnd();

/**
 * Business Central's name breakdown (§2.5, Contact.NameBreakdown): the name is split into words;
 * one word → First Name; two → First Name + Surname; three → First, Middle, Surname; more → the
 * last word is the Surname, the second-to-last the Middle Name and the remaining words, joined by
 * single spaces, the First Name. "Anna Maria de la Cruz" → "Anna Maria de" / "la" / "Cruz".
 *
 * Whitespace runs (spaces, tabs, non-breaking spaces) count as one separator; BC only splits on
 * spaces, but it also skips empty words, so for space-only input the results agree.
 *
 * Length: a part longer than its field (Text[30]) is cut to 30 characters, as today's Business
 * Central does with CopyStr (older NAV raised "… is n characters too long" instead). A first name
 * cut right after a word loses the dangling space. The Name itself is left as it was typed, so a
 * name with a part over 30 characters no longer equals its rebuilt form; the parts are what
 * salutations (§12) use.
 */
export function splitPersonName(name: string): PersonNameParts {
  const words = name.split(/\s+/u).filter((word) => word !== '');
  const count = words.length;
  if (count === 0) return { firstName: '', middleName: '', surname: '' };
  const last = words[count - 1] ?? '';
  if (count === 1) return { firstName: cut(last, 'firstName'), middleName: '', surname: '' };
  if (count === 2) return { firstName: cut(words[0] ?? '', 'firstName'), middleName: '', surname: cut(last, 'surname') };
  return {
    firstName: cut(words.slice(0, count - 2).join(' '), 'firstName'),
    middleName: cut(words[count - 2] ?? '', 'middleName'),
    surname: cut(last, 'surname'),
  };
}

/**
 * The Name rebuilt from its parts (Contact.CalculatedName): the non-blank parts, trimmed, joined
 * by single spaces, at most Text[100].
 */
export function buildPersonName(parts: PersonNameParts): string {
  return [parts.firstName, parts.middleName, parts.surname]
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .join(' ')
    .slice(0, contactFieldLength('name'));
}

/**
 * The Search Name after Name changes from `oldName` to `newName` (Contact.UpdateSearchName): it
 * follows the name (as a Code[100]: trimmed, upper-cased) only while it is blank or still equal
 * to the upper-cased old name; a Search Name the user set differently is kept.
 */
export function nextSearchName(oldName: string, oldSearchName: string, newName: string): string {
  const length = contactFieldLength('searchName');
  const follows = oldSearchName === '' || oldSearchName === toCodeValue(oldName, length);
  return follows ? toCodeValue(newName, length) : oldSearchName;
}
