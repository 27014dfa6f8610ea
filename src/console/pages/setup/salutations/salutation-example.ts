import { isRapportError } from '../../../../domain/errors';
import { getSalutation, type SalutationContact, type SalutationNamePart, type SalutationType } from '../../../../domain/salutation';

/** The contact fields an example is computed for (Name 1..5 can show any of them). */
export type ExampleContact = Omit<SalutationContact, 'no' | 'salutationCode'>;

export type FormulaAsTyped = { salutationType: SalutationType; salutation: string; nameParts: readonly SalutationNamePart[] };

/** A formula's salutation for the example contact, or why it gives none (no salutation text). */
export type Example = { ok: true; text: string } | { ok: false };

// The formula is looked up by these; the example passes the same on both sides.
const CODE = 'EXAMPLE';

/**
 * The salutation a formula gives `contact`, by the service's own rule (src/domain/salutation.ts):
 * "Dear Mr. %1 %2 %3," with First Name, Middle Name and Surname gives "Dear Mr. John Smith," for
 * John Smith without a middle name.
 */
export function salutationExample(formula: FormulaAsTyped, contact: ExampleContact): Example {
  const parts = [0, 1, 2, 3, 4].map((index) => formula.nameParts[index] ?? '') as [SalutationNamePart, SalutationNamePart, SalutationNamePart, SalutationNamePart, SalutationNamePart];
  try {
    const text = getSalutation(
      { ...contact, no: CODE, salutationCode: CODE },
      [{ salutationCode: CODE, languageCode: '', salutationType: formula.salutationType, salutation: formula.salutation, nameParts: parts }],
      formula.salutationType,
      '',
    );
    return { ok: true, text };
  } catch (error) {
    if (isRapportError(error)) return { ok: false };
    throw error;
  }
}
