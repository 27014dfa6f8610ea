/**
 * The one error type of Rapport's rules. `code` is stable and machine-readable; the server maps it
 * to an HTTP status at its edge, the task pane maps it to translated wording. `message` is an
 * English explanation for logs and API clients, never shown as UI text.
 */
export type RapportErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'already_exists'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'number_series_missing'
  | 'number_series_exhausted'
  | 'number_series_no_open_line'
  | 'number_series_date_order'
  | 'number_series_format'
  | 'manual_numbers_not_allowed'
  | 'contact_type_change_refused'
  | 'contact_delete_refused'
  | 'contact_company_invalid'
  | 'salesperson_blocked'
  | 'salutation_formula_missing'
  | 'business_relation_missing'
  | 'business_relation_exists'
  | 'duplicate_search_setup_invalid'
  | 'interaction_template_missing'
  | 'interaction_delete_refused'
  | 'date_formula_invalid'
  | 'opportunity_action_not_allowed'
  | 'opportunity_quote_required'
  | 'opportunity_invalid_values'
  | 'opportunity_closed'
  | 'likely_duplicate'
  | 'email_not_logged'
  | 'sync_schema_mismatch'
  | 'sync_client_conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'import_file_invalid'
  | 'import_mapping_invalid';

/** A field that failed validation: its path in the request body and why. */
export type FieldProblem = { path: string; message: string };

export class RapportError extends Error {
  readonly code: RapportErrorCode;
  readonly fields: FieldProblem[] | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: RapportErrorCode,
    message: string,
    options: { fields?: FieldProblem[]; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'RapportError';
    this.code = code;
    this.fields = options.fields;
    this.details = options.details;
  }
}

export const isRapportError = (error: unknown): error is RapportError => error instanceof RapportError;
