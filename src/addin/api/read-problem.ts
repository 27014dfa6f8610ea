import { problemOf, type ProblemSummary } from './guards';

export type { ProblemSummary };

/**
 * Reads the problem document of an error response; `code` and `detail` are null when the body is
 * not one (a proxy's HTML page, an empty body). Lenient on purpose: an error body is read to
 * classify the failure, and a missing `detail` must not hide its `code`. Never throws: the status
 * alone still classifies.
 */
export async function readProblem(response: Response): Promise<ProblemSummary> {
  const contentType = response.headers.get('content-type') ?? '';
  if (!/^application\/(problem\+)?json\b/i.test(contentType)) return { code: null, detail: null };
  try {
    return problemOf(JSON.parse(await response.text()));
  } catch {
    return { code: null, detail: null };
  }
}
