import type { SetupTranslate as Translate } from '../i18n/setup-catalogue';
import type { LineDraft } from './lines';
import type { Problem } from './table-spec';

/** Lines numbered by a column of their own (activity steps, sales cycle stages), each number once. */

/** The next number after the highest of `name` in the lines typed so far (steps and stages count up by one). */
export function nextNumber(lines: readonly LineDraft[], name: string): string {
  return String(Math.max(0, ...lines.map((line) => Number(line.values[name]) || 0)) + 1);
}

/** A problem at every line whose `name` another line has too (the service refuses the whole list). */
export function duplicateNumbers(lines: readonly Record<string, unknown>[], name: string, t: Translate): Problem[] {
  const counts = new Map<unknown, number>();
  for (const line of lines) counts.set(line[name], (counts.get(line[name]) ?? 0) + 1);
  return lines.flatMap((line, index) => (line[name] !== undefined && (counts.get(line[name]) ?? 0) > 1 ? [{ path: `${index}.${name}`, message: t('setup.problem.duplicate') }] : []));
}
