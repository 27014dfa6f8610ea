import { ApiError } from '../api/api-error';
import type { Translate } from '../i18n/catalogue';

/** A failed request in the user's words, by its kind; the service's own text only for a refusal it explained. */
export function errorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('error.server');
  switch (error.kind) {
    case 'network':
      return t('error.network');
    case 'server':
      return t('error.server');
    case 'unauthenticated':
      return t('error.unauthenticated');
    case 'forbidden':
      return error.requiredRole === null ? t('error.forbidden') : t('access.refused', { role: error.requiredRole });
    case 'notFound':
      return t('error.notFound');
    case 'rejected':
      return t('error.rejected', { detail: error.message });
    case 'invalidResponse':
      return t('error.invalidResponse');
  }
}
