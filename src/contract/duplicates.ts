import { z } from 'zod';
import { code } from './common';
import { contactTypeSchema } from './contacts';
import { duplicateSearchFieldSchema } from './setup';

/**
 * The tenant's duplicate pairs (Business Central's Contact Duplicates, table 5085): every pair of
 * contacts the duplicate search found alike, each stored once, as the search found it.
 */

const pairSide = { no: z.string(), name: z.string(), type: contactTypeSchema };

export const duplicatePairSchema = z
  .object({
    contact: z.object(pairSide),
    duplicate: z.object(pairSide),
    noOfMatchingStrings: z.number().int(),
    exactMatches: z.array(z.enum(['email', 'phone'])),
    separateContacts: z.boolean(),
  })
  .meta({ id: 'DuplicatePair' });
export type DuplicatePairView = z.output<typeof duplicatePairSchema>;

/** A page's key: the last pair's two numbers as stored, as a JSON array (`["CT000012","CT000040"]`). */
const pairCursor = z
  .string()
  .max(100)
  .transform((value, ctx) => {
    try {
      const parsed: unknown = JSON.parse(value);
      if (Array.isArray(parsed) && parsed.length === 2 && parsed.every((part) => typeof part === 'string')) return parsed as [string, string];
    } catch {
      // Reported below.
    }
    ctx.addIssue({ code: 'custom', message: 'Pass the `next` of the previous page.' });
    return z.NEVER;
  });

/** The cursor of a page that ends with this pair. */
export const pairCursorOf = (contactNo: string, duplicateNo: string): string => JSON.stringify([contactNo, duplicateNo]);

export const duplicatePairListQuerySchema = z.strictObject({
  separateContacts: z
    .enum(['true', 'false'])
    .optional()
    .transform((value) => (value === undefined ? undefined : value === 'true'))
    .describe('Only the pairs marked (true) or not marked (false) as separate contacts; all when left out.'),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  after: pairCursor.optional().describe('The `next` of the previous page.'),
});

export const duplicatePairPageSchema = z.object({
  items: z.array(duplicatePairSchema),
  next: z.string().nullable().describe('Pass as `after` for the next page; null at the end.'),
});

export const duplicatePairParams = z.strictObject({ no: code(20), duplicateNo: code(20) });

export const pairSearchStringSchema = z.object({
  field: duplicateSearchFieldSchema,
  part: z.enum(['first', 'last']),
  searchString: z.string(),
  matches: z.boolean().describe('The other contact has the same string for the same field and part.'),
});

/** One pair with the search strings of both sides: what the No. of Matching Strings counts. */
export const duplicatePairDetailSchema = duplicatePairSchema
  .extend({
    contactStrings: z.array(pairSearchStringSchema),
    duplicateStrings: z.array(pairSearchStringSchema),
  })
  .meta({ id: 'DuplicatePairDetail' });
