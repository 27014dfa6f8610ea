/// <reference types="office-js" />

/**
 * Why an Office.js call failed:
 * - `failed`: Outlook answered the call with a failed `AsyncResult`; `code` and `officeName` are Office's.
 * - `noItem`: the call needs a mail item and none is open (a pinned pane between items).
 * - `wrongMode`: the call needs a read item and the item is being composed, or the other way round.
 */
export type OfficeCallErrorKind = 'failed' | 'noItem' | 'wrongMode';

/**
 * The one error the Office adapter rejects with. Callers branch on `kind` and on Office's numeric
 * `code` (https://learn.microsoft.com/office/dev/add-ins/reference/javascript-api-for-office-error-codes),
 * never on `message`, whose wording Outlook localises and changes.
 */
export class OfficeCallError extends Error {
  readonly kind: OfficeCallErrorKind;
  /** Office's error code (`Office.Error.code`), null when Office was not asked. */
  readonly code: number | null;
  /** Office's error name (`Office.Error.name`, e.g. 'InternalServerError'), null when Office was not asked. */
  readonly officeName: string | null;
  /** The Office.js call, e.g. 'item.loadCustomPropertiesAsync'. */
  readonly call: string;

  constructor(kind: OfficeCallErrorKind, call: string, message: string, options: { code?: number | null; officeName?: string | null; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'OfficeCallError';
    this.kind = kind;
    this.call = call;
    this.code = options.code ?? null;
    this.officeName = options.officeName ?? null;
  }
}

/**
 * Calls an Office.js `…Async` method and settles with its `AsyncResult`: the value when it
 * succeeded, an `OfficeCallError` of kind `failed` carrying Office's code and name when it failed.
 * `call` names the method in the error.
 */
export function officeAsync<T>(office: typeof Office, call: string, invoke: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    invoke((result) => {
      if (result.status === office.AsyncResultStatus.Succeeded) {
        resolve(result.value);
        return;
      }
      const error: Partial<Office.Error> = result.error ?? {};
      reject(
        new OfficeCallError('failed', call, `${call} failed: ${error.name ?? 'unknown error'} (${error.code ?? '?'})`, {
          code: typeof error.code === 'number' ? error.code : null,
          officeName: typeof error.name === 'string' ? error.name : null,
          cause: result.error,
        }),
      );
    });
  });
}
