import type { z } from 'zod';
import type { codeListKindSchema } from '../../../../contract/setup';

/** The code lists of the Code Lists page, in Business Central's order; business relations and teams have pages of their own. */
export const CODE_LIST_KINDS = ['territory', 'countryRegion', 'language', 'currency', 'industryGroup', 'jobResponsibility', 'mailingGroup', 'organizationalLevel'] as const satisfies readonly z.output<
  typeof codeListKindSchema
>[];
export type PageCodeListKind = (typeof CODE_LIST_KINDS)[number];

/** The Code Lists page's search: which list is open (the first one when none or an unknown one is named). */
export function codeListSearch(search: Record<string, unknown>): { kind?: PageCodeListKind } {
  const kind = CODE_LIST_KINDS.find((candidate) => candidate === search['kind']);
  return kind === undefined ? {} : { kind };
}
