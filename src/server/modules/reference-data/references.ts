import { RapportError, type FieldProblem } from '../../../domain/errors';
import type { Queryable } from '../../db/db';
import type { CodeListKind } from '../tenancy/tenant-defaults';

/** What a code field may point at: a code list of that kind, or a table of its own. */
export type ReferenceKind = CodeListKind | 'salesperson' | 'salutation' | 'noSeries' | 'salesCycle' | 'contact' | 'companyContact' | 'campaign' | 'interactionTemplate';

export type Reference = { path: string; kind: ReferenceKind; code: string };

const LOOKUPS: Record<Exclude<ReferenceKind, CodeListKind>, string> = {
  salesperson: 'SELECT 1 FROM salesperson WHERE tenant_id = $1 AND code = $2',
  salutation: 'SELECT 1 FROM salutation WHERE tenant_id = $1 AND code = $2',
  noSeries: 'SELECT 1 FROM no_series WHERE tenant_id = $1 AND code = $2',
  salesCycle: 'SELECT 1 FROM sales_cycle WHERE tenant_id = $1 AND code = $2',
  contact: 'SELECT 1 FROM contact WHERE tenant_id = $1 AND no = $2',
  companyContact: "SELECT 1 FROM contact WHERE tenant_id = $1 AND no = $2 AND type = 'company'",
  campaign: 'SELECT 1 FROM campaign WHERE tenant_id = $1 AND no = $2',
  interactionTemplate: 'SELECT 1 FROM interaction_template WHERE tenant_id = $1 AND code = $2',
};

export const CAPTIONS: Record<ReferenceKind, string> = {
  territory: 'territory',
  countryRegion: 'country/region',
  language: 'language',
  currency: 'currency',
  businessRelation: 'business relation',
  industryGroup: 'industry group',
  mailingGroup: 'mailing group',
  jobResponsibility: 'job responsibility',
  organizationalLevel: 'organizational level',
  team: 'team',
  salesperson: 'salesperson',
  salutation: 'salutation',
  noSeries: 'number series',
  salesCycle: 'sales cycle',
  contact: 'contact',
  companyContact: 'company contact',
  campaign: 'campaign',
  interactionTemplate: 'interaction template',
};

/**
 * Business Central's table relations: a non-blank code must name an existing record. Checks every
 * reference and reports all that point nowhere at once, each under its field path.
 */
export async function checkReferences(db: Queryable, tenantId: string, references: readonly Reference[]): Promise<void> {
  const problems: FieldProblem[] = [];
  for (const reference of references) {
    if (reference.code === '') continue;
    const rows =
      reference.kind in LOOKUPS
        ? await db.query(LOOKUPS[reference.kind as keyof typeof LOOKUPS], [tenantId, reference.code])
        : await db.query('SELECT 1 FROM code_list WHERE tenant_id = $1 AND kind = $2 AND code = $3', [tenantId, reference.kind, reference.code]);
    if (rows.length === 0) {
      problems.push({ path: reference.path, message: `There is no ${CAPTIONS[reference.kind]} ${reference.code}.` });
    }
  }
  if (problems.length > 0) {
    throw new RapportError('validation_failed', problems.map((problem) => problem.message).join(' '), { fields: problems });
  }
}
