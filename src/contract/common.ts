import { z } from 'zod';

/** Business Central `Code[n]`: trimmed, upper-cased, at most n characters. */
export const code = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters.`)
    .transform((value) => value.toUpperCase());

/** Business Central `Text[n]`: trimmed, at most n characters. */
export const text = (max: number) => z.string().trim().max(max, `At most ${max} characters.`);

export const isoDate = z.iso.date().describe('A calendar date, YYYY-MM-DD.');

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), next: z.string().nullable().describe('Pass as `after` for the next page; null at the end.') });
