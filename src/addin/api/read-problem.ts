import { z } from 'zod';

/**
 * The parts of an RFC 9457 problem document the add-in relies on. Lenient on purpose: an error
 * body is read to classify the failure, and a missing `detail` must not hide its `code`.
 */
const problemSchema = z.looseObject({
  status: z.number().int().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  code: z.string(),
});

export type ProblemSummary = { code: string | null; detail: string | null };

/**
 * Reads the problem document of an error response; `code` and `detail` are null when the body is
 * not one (a proxy's HTML page, an empty body). Never throws: the status alone still classifies.
 */
export async function readProblem(response: Response): Promise<ProblemSummary> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^application\/(problem\+)?json\b/i.test(contentType)) return { code: null, detail: null };
  try {
    const parsed = problemSchema.safeParse(JSON.parse(await response.text()));
    return parsed.success ? { code: parsed.data.code, detail: parsed.data.detail ?? parsed.data.title ?? null } : { code: null, detail: null };
  } catch {
    return { code: null, detail: null };
  }
}
