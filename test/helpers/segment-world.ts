import pino from 'pino';
import type { Db, Queryable } from '../../src/server/db/db';
import { fromRow } from '../../src/server/db/rows';
import type { RequestContext } from '../../src/server/http/route';
import type { ContactType } from '../../src/domain/contact/contact';
import type { ContactFacts, InteractionFacts } from '../../src/domain/segment/segment-criteria';

/** A contact as stored, with the rows segment criteria look at (§6.2), for tests that write a small world into a database. */
export type WorldContact = {
  no: string;
  type: ContactType;
  /** A company points to itself, a person without a company has ''. */
  companyNo: string;
  searchName: string;
  salespersonCode: string;
  postCode: string;
  countryRegionCode: string;
  territoryCode: string;
  excludeFromSegment: boolean;
  mailingGroups: string[];
  jobResponsibilities: string[];
  /** Its own; criteria look at its company's. */
  industryGroups: string[];
  /** Its own; criteria look at its company's. */
  businessRelations: string[];
  interactions: (InteractionFacts & { canceled: boolean; postponed: boolean })[];
};

export const worldContact = (values: Partial<WorldContact> & Pick<WorldContact, 'no' | 'type'>): WorldContact => ({
  companyNo: values.type === 'company' ? values.no : '',
  searchName: values.no,
  salespersonCode: '',
  postCode: '',
  countryRegionCode: '',
  territoryCode: '',
  excludeFromSegment: false,
  mailingGroups: [],
  jobResponsibilities: [],
  industryGroups: [],
  businessRelations: [],
  interactions: [],
  ...values,
});

export const worldInteraction = (values: Partial<WorldContact['interactions'][number]> = {}): WorldContact['interactions'][number] => ({
  date: '2025-01-01',
  segmentNo: '',
  campaignNo: '',
  evaluation: '',
  interactionTemplateCode: '',
  salespersonCode: '',
  canceled: false,
  postponed: false,
  ...values,
});

/** Writes the contacts and their code lists, business relations and interactions, set-based. */
export async function insertWorld(db: Queryable, tenantId: string, contacts: readonly WorldContact[]): Promise<void> {
  if (contacts.length === 0) return;
  const column = <T>(pick: (contact: WorldContact) => T) => contacts.map(pick);
  await db.query(
    `INSERT INTO contact (tenant_id, no, type, company_no, name, search_name, salesperson_code, post_code, country_region_code, territory_code, exclude_from_segment)
     SELECT $1, no, type, company_no, search_name, search_name, salesperson_code, post_code, country_region_code, territory_code, exclude
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::boolean[])
         AS t (no, type, company_no, search_name, salesperson_code, post_code, country_region_code, territory_code, exclude)`,
    [
      tenantId,
      column((c) => c.no),
      column((c) => c.type),
      column((c) => c.companyNo),
      column((c) => c.searchName),
      column((c) => c.salespersonCode),
      column((c) => c.postCode),
      column((c) => c.countryRegionCode),
      column((c) => c.territoryCode),
      column((c) => c.excludeFromSegment),
    ],
  );
  const codes = contacts.flatMap((c) => [
    ...c.mailingGroups.map((code) => [c.no, 'mailingGroup', code]),
    ...c.jobResponsibilities.map((code) => [c.no, 'jobResponsibility', code]),
    ...c.industryGroups.map((code) => [c.no, 'industryGroup', code]),
  ]);
  if (codes.length > 0) {
    await db.query('INSERT INTO contact_code (tenant_id, contact_no, kind, code) SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])', [
      tenantId,
      codes.map((row) => row[0]),
      codes.map((row) => row[1]),
      codes.map((row) => row[2]),
    ]);
  }
  const relations = contacts.flatMap((c) => c.businessRelations.map((code) => [c.no, code]));
  if (relations.length > 0) {
    await db.query('INSERT INTO contact_business_relation (tenant_id, contact_no, business_relation_code) SELECT $1, * FROM unnest($2::text[], $3::text[])', [
      tenantId,
      relations.map((row) => row[0]),
      relations.map((row) => row[1]),
    ]);
  }
  const entries = contacts.flatMap((c) => c.interactions.map((entry) => ({ ...entry, contactNo: c.no })));
  if (entries.length > 0) {
    const entryColumn = <T>(pick: (entry: (typeof entries)[number]) => T) => entries.map(pick);
    await db.query(
      `INSERT INTO interaction_log_entry (tenant_id, id, contact_no, date, time_of_interaction, segment_no, campaign_no, evaluation, interaction_template_code, salesperson_code, canceled, postponed)
       SELECT $1, gen_random_uuid(), contact_no, date, '10:00', segment_no, campaign_no, evaluation, template, salesperson, canceled, postponed
         FROM unnest($2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::boolean[], $10::boolean[])
           AS t (contact_no, date, segment_no, campaign_no, evaluation, template, salesperson, canceled, postponed)`,
      [
        tenantId,
        entryColumn((e) => e.contactNo),
        entryColumn((e) => e.date),
        entryColumn((e) => e.segmentNo),
        entryColumn((e) => e.campaignNo),
        entryColumn((e) => e.evaluation),
        entryColumn((e) => e.interactionTemplateCode),
        entryColumn((e) => e.salespersonCode),
        entryColumn((e) => e.canceled),
        entryColumn((e) => e.postponed),
      ],
    );
  }
}

/**
 * Everything the criteria of §6.2 look at, for every contact of the tenant: the loader the segment
 * service used before the criteria ran in SQL, kept as the input of the in-memory reference. Canceled
 * and postponed interactions do not count; a person's industry groups and business relations are
 * its company's.
 */
export async function loadContactFacts(db: Queryable, tenantId: string): Promise<ContactFacts[]> {
  const contacts = await db.query<Record<string, unknown>>(
    `SELECT no, type, company_no, search_name, salesperson_code, post_code, country_region_code, territory_code, exclude_from_segment FROM contact WHERE tenant_id = $1 ORDER BY no`,
    [tenantId],
  );
  const codes = await db.query<{ contact_no: string; kind: string; code: string }>('SELECT contact_no, kind, code FROM contact_code WHERE tenant_id = $1', [tenantId]);
  const relations = await db.query<{ contact_no: string; business_relation_code: string }>('SELECT contact_no, business_relation_code FROM contact_business_relation WHERE tenant_id = $1', [tenantId]);
  const interactions = await db.query<Record<string, unknown>>(
    `SELECT contact_no, date, segment_no, campaign_no, evaluation, interaction_template_code, salesperson_code FROM interaction_log_entry WHERE tenant_id = $1 AND NOT canceled AND NOT postponed`,
    [tenantId],
  );
  const group = <T>(rows: readonly T[], key: (row: T) => string) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return map;
  };
  const codesOf = group(codes, (row) => `${row.contact_no}/${row.kind}`);
  const relationsOf = group(relations, (row) => row.contact_no);
  const interactionsOf = group(interactions, (row) => String(row.contact_no));
  return contacts.map((row) => {
    const contact = fromRow<Omit<ContactFacts, 'mailingGroups' | 'jobResponsibilities' | 'industryGroups' | 'businessRelations' | 'interactions'>>(row);
    const company = contact.companyNo || contact.no;
    return {
      ...contact,
      mailingGroups: (codesOf.get(`${contact.no}/mailingGroup`) ?? []).map((entry) => entry.code),
      jobResponsibilities: (codesOf.get(`${contact.no}/jobResponsibility`) ?? []).map((entry) => entry.code),
      industryGroups: (codesOf.get(`${company}/industryGroup`) ?? []).map((entry) => entry.code),
      businessRelations: (relationsOf.get(company) ?? []).map((entry) => entry.business_relation_code),
      interactions: (interactionsOf.get(contact.no) ?? []).map((entry) => fromRow<InteractionFacts>(entry)),
    };
  });
}

/** What a request gives the services: the database, a manager of the tenant, a work date. */
export const serviceContext = (db: Db, tenantId: string): RequestContext => ({
  db,
  identity: { tenantId, userId: 'segment-tests', email: 'manager@segment.test', name: 'Manager', roles: ['Rapport.Manager'] },
  log: pino({ level: 'silent' }),
  workDate: '2025-03-05',
  currentSalespersonCode: async () => '',
});
