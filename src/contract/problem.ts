import { z } from 'zod';

/**
 * RFC 9457 problem details, as every failure is answered: Rapport's stable `code` and, for
 * validation, the failing fields by their path in the body (`searchHitPercent`, `lines.2.no`).
 */
export const problemSchema = z
  .object({
    type: z.string(),
    status: z.number().int(),
    title: z.string(),
    detail: z.string(),
    code: z.string().describe('Stable machine-readable error code.'),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({ id: 'Problem' });

export type ProblemBody = z.output<typeof problemSchema>;

/** One failing field of a problem: its path in the body and what is wrong with it. */
export type FieldProblem = NonNullable<ProblemBody['fields']>[number];
