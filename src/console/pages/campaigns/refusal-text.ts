import { ApiError } from '../../api/api-error';
import type { Translate } from '../../i18n/catalogue';
import { errorText } from '../../shell/error-text';

/**
 * Why a write did not go through, in the user's words. A refusal for the user's level (403) also
 * carries the service's own detail: the console hides the write actions below a manager, so a
 * refusal means the roles changed under an open page, and the service's words say how.
 */
export function refusalText(error: unknown, t: Translate): string {
  const text = errorText(error, t);
  return error instanceof ApiError && error.kind === 'forbidden' && error.message !== '' ? `${text} (${error.message})` : text;
}
