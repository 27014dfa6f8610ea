import type { FastifyError, FastifyReply } from 'fastify';
import { z } from 'zod';
import { isRapportError, type FieldProblem, type RapportErrorCode } from '../../domain/errors';

/** RFC 9457 problem details, with Rapport's stable `code` and, for validation, the failing fields. */
export type Problem = {
  type: string;
  status: number;
  title: string;
  detail: string;
  code: string;
  fields?: FieldProblem[];
  details?: Record<string, unknown>;
};

// The wire form lives in the contract, where the clients read problems with it too.
export { problemSchema } from '../../contract/problem';

/** The HTTP status of each domain error code: chosen here, at the edge, and nowhere else. */
const STATUS_BY_CODE: Record<RapportErrorCode, number> = {
  validation_failed: 400,
  not_found: 404,
  already_exists: 409,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  number_series_missing: 422,
  number_series_exhausted: 422,
  number_series_no_open_line: 422,
  number_series_date_order: 422,
  number_series_format: 400,
  manual_numbers_not_allowed: 422,
  contact_type_change_refused: 422,
  contact_delete_refused: 409,
  contact_company_invalid: 422,
  salesperson_blocked: 422,
  salutation_formula_missing: 422,
  business_relation_missing: 422,
  business_relation_exists: 409,
  duplicate_search_setup_invalid: 400,
  interaction_template_missing: 422,
  interaction_delete_refused: 409,
  date_formula_invalid: 400,
  opportunity_action_not_allowed: 422,
  opportunity_quote_required: 422,
  opportunity_invalid_values: 400,
  opportunity_closed: 409,
  likely_duplicate: 409,
  email_not_logged: 422,
  sync_schema_mismatch: 409,
  sync_client_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  import_file_invalid: 422,
  import_mapping_invalid: 422,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export const makeProblem = (
  status: number,
  code: string,
  detail: string,
  extra: { fields?: FieldProblem[]; details?: Record<string, unknown> } = {},
): Problem => ({
  type: `https://rapport.example/problems/${code.replaceAll('_', '-')}`,
  status,
  title: TITLES[status] ?? 'Error',
  detail,
  code,
  ...(extra.fields ? { fields: extra.fields } : {}),
  ...(extra.details ? { details: extra.details } : {}),
});

/** Turns a zod failure into field problems whose paths name the body field (`address.city`, `lines.2.no`). */
export function fieldProblems(error: z.ZodError, prefix = ''): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const at = (segments: PropertyKey[]) => [prefix, ...segments.map(String)].filter(Boolean).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({ path: at([...issue.path, key]), message: 'Unknown field.' }));
    }
    return [{ path: at(issue.path) || '(body)', message: issue.message }];
  });
}

/** Maps any thrown error to a problem; unknown errors become a 500 without leaking their text. */
export function problemFor(error: unknown): Problem {
  if (isRapportError(error)) {
    const status = STATUS_BY_CODE[error.code];
    return makeProblem(status, error.code, error.message, {
      ...(error.fields ? { fields: error.fields } : {}),
      ...(error.details && error.code !== 'unauthenticated' ? { details: error.details } : {}),
    });
  }
  if (error instanceof z.ZodError) {
    return makeProblem(400, 'validation_failed', 'The request is not valid.', { fields: fieldProblems(error) });
  }
  const fastifyError = error as Partial<FastifyError>;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return makeProblem(413, 'payload_too_large', 'The request body is larger than the service accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return makeProblem(415, 'unsupported_media_type', 'Send the body as application/json.');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return makeProblem(400, 'validation_failed', 'The JSON body is empty.', { fields: [{ path: '(body)', message: 'Required.' }] });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return makeProblem(400, 'malformed_json', 'The body is not valid JSON.');
  }
  if (fastifyError.statusCode === 400 && error instanceof SyntaxError) {
    return makeProblem(400, 'malformed_json', 'The body is not valid JSON.');
  }
  return makeProblem(500, 'internal_error', 'Something went wrong on our side; the request changed nothing.');
}

export const sendProblem = (reply: FastifyReply, problem: Problem): FastifyReply =>
  reply.status(problem.status).type('application/problem+json').send(problem);
