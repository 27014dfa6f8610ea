import { addContacts, DEFAULT_SEGMENT_OPTIONS, reduceContacts, refineContacts, type SegmentCriteria, type SegmentOptions } from '../../src/domain/segment/segment-criteria';
import type { Db } from '../../src/server/db/db';
import { contactsToAddSql, criteriaCondition, linesToRemoveSql } from '../../src/server/modules/segments/segment-criteria-sql';
import { openTestDb, testEngines, type TestDb } from '../helpers/engines';
import { insertWorld, loadContactFacts, worldContact, worldInteraction, type WorldContact } from '../helpers/segment-world';

const options = (values: Partial<SegmentOptions> = {}): SegmentOptions => ({ ...DEFAULT_SEGMENT_OPTIONS, ...values });

/** The condition and parameters `criteriaCondition` builds, placeholders numbered from $1. */
const condition = (criteria: SegmentCriteria) => {
  const params: unknown[] = [];
  return { sql: criteriaCondition(criteria, (value) => `$${params.push(value)}`), params };
};

describe('the criteria as a SQL condition', () => {
  test.each<[string, SegmentCriteria]>([
    ['no criteria at all', {}],
    ['an empty contact section', { contact: {} }],
    ['empty code lists', { mailingGroup: [], jobResponsibility: [], industryGroup: [], businessRelation: [] }],
    ['an interaction section without fields', { interaction: {} }],
  ])('%s filter nothing', (_title, criteria) => {
    expect(condition(criteria)).toEqual({ sql: 'TRUE', params: [] });
  });

  test.each<[string, SegmentCriteria, string[], unknown[]]>([
    ['a contact no. compares the number', { contact: { no: 'CT100' } }, ['c.no = $1'], ['CT100']],
    ['a search name is an upper-cased prefix with LIKE wildcards escaped', { contact: { searchName: 'a_b%c\\' } }, ['c.search_name LIKE $1'], ['A\\_B\\%C\\\\%']],
    [
      'the contact fields filter one row together',
      { contact: { type: 'person', salespersonCode: 'JO', postCode: 'GB-W2 8HG', countryRegionCode: 'GB', territoryCode: 'LND' } },
      ['c.type = $1', 'c.salesperson_code = $2', 'c.post_code = $3', 'c.country_region_code = $4', 'c.territory_code = $5'],
      ['person', 'JO', 'GB-W2 8HG', 'GB', 'LND'],
    ],
    ['a blank value is a filter for blank', { contact: { territoryCode: '' } }, ['c.territory_code = $1'], ['']],
    ['mailing groups are the contact’s own', { mailingGroup: ['XMAS', 'NEWS'] }, ["cc.kind = 'mailingGroup'", 'cc.code = ANY($1::text[])', 'cc.contact_no = c.no'], [['XMAS', 'NEWS']]],
    ['job responsibilities are the contact’s own', { jobResponsibility: ['PURCH'] }, ["cc.kind = 'jobResponsibility'", 'cc.contact_no = c.no'], [['PURCH']]],
    [
      'industry groups are the company’s',
      { industryGroup: ['RETAIL'] },
      ["cc.kind = 'industryGroup'", "cc.contact_no = CASE WHEN c.company_no <> '' THEN c.company_no ELSE c.no END"],
      [['RETAIL']],
    ],
    [
      'business relations are the company’s',
      { businessRelation: ['CUST'] },
      ['contact_business_relation br', 'br.business_relation_code = ANY($1::text[])', "br.contact_no = CASE WHEN c.company_no <> '' THEN c.company_no ELSE c.no END"],
      [['CUST']],
    ],
    [
      'interaction fields match one entry that is neither canceled nor postponed',
      { interaction: { dateFrom: '2025-01-01', dateTo: '2025-01-31', segmentNo: 'SM1', campaignNo: 'CP1', evaluation: 'positive', interactionTemplateCode: 'BUS', salespersonCode: 'JO' } },
      [
        'FROM interaction_log_entry i WHERE i.tenant_id = c.tenant_id AND i.contact_no = c.no OFFSET 0) i',
        'WHERE NOT i.canceled AND NOT i.postponed AND i.date >= $1::date AND i.date <= $2::date AND i.segment_no = $3 AND i.campaign_no = $4 AND i.evaluation = $5 AND i.interaction_template_code = $6 AND i.salesperson_code = $7',
      ],
      ['2025-01-01', '2025-01-31', 'SM1', 'CP1', 'positive', 'BUS', 'JO'],
    ],
  ])('%s', (_title, criteria, fragments, params) => {
    const built = condition(criteria);
    for (const fragment of fragments) expect(built.sql).toContain(fragment);
    expect(built.params).toEqual(params);
  });

  test('sections are joined with AND, each parameter bound once', () => {
    const built = condition({ contact: { type: 'person' }, mailingGroup: ['XMAS'], interaction: { evaluation: 'negative' } });
    expect(built.sql.split(' AND EXISTS ')).toHaveLength(3);
    expect(built.params).toEqual(['person', ['XMAS'], 'negative']);
  });
});

describe('the actions as SQL', () => {
  test('Add binds the tenant and the segment first, then the criteria', () => {
    const built = contactsToAddSql('t1', 'SM1', { mailingGroup: ['XMAS'], contact: { type: 'person' } }, options());
    expect(built.params).toEqual(['t1', 'SM1', ['XMAS'], 'person']);
    expect(built.sql).toContain('NOT c.exclude_from_segment');
    expect(built.sql).toContain('NOT EXISTS (SELECT 1 FROM (SELECT l.segment_no FROM segment_line l WHERE l.tenant_id = $1 AND l.contact_no = r.no OFFSET 0) l WHERE l.segment_no = $2 OFFSET 0)');
    expect(built.sql).not.toContain('UNION');
  });

  test.each<[string, SegmentCriteria, string[]]>([
    ['contact fields alone: from every contact', { contact: { countryRegionCode: 'NO' } }, ['FROM contact c WHERE c.tenant_id = $1 AND NOT c.exclude_from_segment AND c.country_region_code = $3']],
    [
      'a mailing group: from its members in number order, each contact by its number',
      { contact: { type: 'person' }, mailingGroup: ['XMAS'], industryGroup: ['RETAIL'] },
      [
        "SELECT DISTINCT holder FROM (SELECT cc.contact_no AS holder FROM contact_code cc WHERE cc.tenant_id = $1 AND cc.kind = 'mailingGroup' AND cc.code = ANY($3::text[])) code_rows ORDER BY holder) h",
        'c.no = h.holder',
        "cc.kind = 'industryGroup'",
      ],
    ],
    [
      'mailing groups and job responsibilities: the members of both, intersected',
      { mailingGroup: ['XMAS'], jobResponsibility: ['PURCH'] },
      [
        "(SELECT cc.contact_no AS holder FROM contact_code cc WHERE cc.tenant_id = $1 AND cc.kind = 'mailingGroup' AND cc.code = ANY($3::text[]) INTERSECT SELECT cc.contact_no AS holder FROM contact_code cc WHERE cc.tenant_id = $1 AND cc.kind = 'jobResponsibility' AND cc.code = ANY($4::text[]) ORDER BY holder) h",
        'c.no = h.holder',
      ],
    ],
    [
      'industry groups and business relations: the companies of both, intersected',
      { industryGroup: ['RETAIL'], businessRelation: ['CUST'] },
      ["cc.code = ANY($3::text[]) INTERSECT SELECT br.contact_no AS holder FROM contact_business_relation br WHERE br.tenant_id = $1 AND br.business_relation_code = ANY($4::text[]) ORDER BY holder) h"],
    ],
    [
      'companies of an industry group: each company by its number, without its persons',
      { contact: { type: 'company' }, industryGroup: ['RETAIL'] },
      ["c.no = h.holder OFFSET 0) c WHERE c.type = $4 AND NOT c.exclude_from_segment AND CASE WHEN c.company_no <> '' THEN c.company_no ELSE c.no END = h.holder"],
    ],
    [
      'an industry group: from its companies, each with its persons, and a person without a company that holds it',
      { industryGroup: ['RETAIL'] },
      ["cc.kind = 'industryGroup'", "c.tenant_id = $1 AND CASE WHEN c.company_no <> '' THEN c.company_no ELSE c.no END = h.holder OFFSET 0) c"],
    ],
    [
      'a business relation: from its companies',
      { businessRelation: ['CUST'] },
      ['FROM contact_business_relation br WHERE br.tenant_id = $1 AND br.business_relation_code = ANY($3::text[])', "CASE WHEN c.company_no <> '' THEN c.company_no ELSE c.no END = h.holder"],
    ],
    [
      'interactions alone: from the entries that match',
      { interaction: { evaluation: 'positive' } },
      ['SELECT DISTINCT i.contact_no AS holder FROM interaction_log_entry i WHERE i.tenant_id = $1 AND NOT i.canceled AND NOT i.postponed AND i.evaluation = $3 ORDER BY holder', 'c.no = h.holder'],
    ],
  ])('Add starts where it reads least, %s', (_title, criteria, fragments) => {
    const { sql } = contactsToAddSql('t1', 'SM1', criteria, options());
    for (const fragment of fragments) expect(sql).toContain(fragment);
  });

  test('the sections Add starts from are not checked again', () => {
    const { sql } = contactsToAddSql('t1', 'SM1', { mailingGroup: ['XMAS'], jobResponsibility: ['PURCH'], interaction: { evaluation: 'positive' } }, options());
    expect(sql.match(/'mailingGroup'/g)).toHaveLength(1);
    expect(sql.match(/'jobResponsibility'/g)).toHaveLength(1);
    expect(sql.match(/FROM interaction_log_entry i WHERE i.tenant_id = c.tenant_id AND i.contact_no = c.no OFFSET 0/g)).toHaveLength(1);
  });

  test('companies only: no probe by holder, which would read every person of each company', () => {
    const { sql } = contactsToAddSql('t1', 'SM1', { contact: { type: 'company' }, businessRelation: ['CUST'] }, options());
    expect(sql).toContain('c.no = h.holder OFFSET 0) c');
    expect(sql).not.toContain('ELSE c.no END = h.holder OFFSET 0');
  });

  test('every check of a row is a sub-select fenced with OFFSET 0, so it stays one probe per row', () => {
    const everything: SegmentCriteria = { mailingGroup: ['A'], jobResponsibility: ['B'], industryGroup: ['C'], businessRelation: ['D'], interaction: { evaluation: 'positive' } };
    const add = contactsToAddSql('t1', 'SM1', everything, options({ expandCompanies: true, allowRelatedCompanies: true })).sql;
    const reduce = linesToRemoveSql('t1', 'SM1', 'reduce', everything).sql;
    const count = (sql: string, fragment: string) => sql.split(fragment).length - 1;
    // Add: from the mailing groups and job responsibilities intersected; two sections checked, the
    // interaction's entries, the contact found, each expansion, the segment's lines.
    expect([count(add, 'EXISTS ('), count(add, 'OFFSET 0)')]).toEqual([4, 9]);
    // Reduce: the lines in contact order, the line's contact found and checked, five sections
    // checked, the interaction's entries.
    expect([count(reduce, 'EXISTS ('), count(reduce, 'OFFSET 0)')]).toEqual([6, 9]);
  });

  test.each<[string, Partial<SegmentOptions>, string[], string[]]>([
    ['Ignore Exclusion drops every exclusion filter', { ignoreExclusion: true, expandCompanies: true, allowRelatedCompanies: true }, [], ['NOT c.exclude_from_segment']],
    ['Allow Existing Contacts drops the check against the segment', { allowExistingContacts: true }, [], ['segment_line']],
    ['Expand Companies adds the persons of selected companies', { expandCompanies: true }, ["c.company_no = s.no OFFSET 0) c WHERE s.type = 'company' AND c.type = 'person' AND NOT c.exclude_from_segment"], []],
    [
      'Allow Related Companies adds the company of selected persons',
      { allowRelatedCompanies: true },
      ["c.no = s.company_no OFFSET 0) c WHERE s.type = 'person' AND s.company_no <> '' AND c.type = 'company' AND NOT c.exclude_from_segment"],
      [],
    ],
  ])('%s', (_title, values, present, absent) => {
    const { sql } = contactsToAddSql('t1', 'SM1', {}, options(values));
    for (const fragment of present) expect(sql).toContain(fragment);
    for (const fragment of absent) expect(sql).not.toContain(fragment);
  });

  test('Reduce removes lines whose contact matches, Refine those whose contact does not, each line checked in contact order', () => {
    const reduce = linesToRemoveSql('t1', 'SM1', 'reduce', { contact: { no: 'CT1' } });
    const refine = linesToRemoveSql('t1', 'SM1', 'refine', { contact: { no: 'CT1' } });
    expect(reduce.params).toEqual(['t1', 'SM1', 'CT1']);
    expect(reduce.sql).toMatch(
      /^SELECT l\.ctid, l\.line_no, l\.contact_no FROM \(SELECT .* FROM segment_line l WHERE l\.tenant_id = \$1 AND l\.segment_no = \$2 ORDER BY l\.contact_no OFFSET 0\) l WHERE EXISTS \(SELECT 1 FROM \(SELECT c\.tenant_id, c\.no, .* FROM contact c WHERE c\.tenant_id = \$1 AND c\.no = l\.contact_no OFFSET 0\) c WHERE c\.no = \$3 OFFSET 0\)$/,
    );
    expect(refine.sql).toContain('OFFSET 0) l WHERE NOT EXISTS (');
  });
});

// The small world of the domain tests, as stored: industry groups and business relations on the
// companies only, an excluded person and an excluded company, a person without a company, and
// interactions that are canceled or postponed (which never match).
const adatum = { salespersonCode: 'JO', postCode: 'GB-W2 8HG', countryRegionCode: 'GB', territoryCode: 'LND' };
const trey = { salespersonCode: 'OF', postCode: 'US-NY 10001', countryRegionCode: 'US', territoryCode: 'NY' };
const WORLD: WorldContact[] = [
  worldContact({ no: 'CT100', type: 'company', searchName: 'ADATUM CORPORATION', ...adatum, mailingGroups: ['NEWS'], industryGroups: ['RETAIL'], businessRelations: ['CUST'] }),
  worldContact({
    no: 'CT101',
    type: 'person',
    companyNo: 'CT100',
    searchName: 'ANDY TEAL',
    ...adatum,
    mailingGroups: ['XMAS'],
    jobResponsibilities: ['PURCH'],
    interactions: [
      worldInteraction({ date: '2025-01-15', segmentNo: 'SM00001', campaignNo: 'CP1001', evaluation: 'positive', interactionTemplateCode: 'LETTER', salespersonCode: 'JO' }),
      worldInteraction({ date: '2025-04-01', evaluation: 'veryNegative', interactionTemplateCode: 'MEETG', canceled: true }),
    ],
  }),
  worldContact({
    no: 'CT102',
    type: 'person',
    companyNo: 'CT100',
    searchName: 'ROBERT TOWNES',
    ...adatum,
    mailingGroups: ['NEWS'],
    jobResponsibilities: ['SALES'],
    interactions: [
      worldInteraction({ date: '2025-02-01', segmentNo: 'SM00001', campaignNo: 'CP1001', evaluation: 'negative', interactionTemplateCode: 'LETTER', salespersonCode: 'JO' }),
      worldInteraction({ date: '2025-04-02', evaluation: 'veryNegative', interactionTemplateCode: 'MEETG', postponed: true }),
    ],
  }),
  worldContact({ no: 'CT200', type: 'company', searchName: 'TREY RESEARCH', ...trey, industryGroups: ['MAN', 'WHOLE'], businessRelations: ['VEND'] }),
  worldContact({
    no: 'CT201',
    type: 'person',
    companyNo: 'CT200',
    searchName: 'HELEN RAY',
    ...trey,
    mailingGroups: ['XMAS', 'NEWS'],
    jobResponsibilities: ['PURCH'],
    interactions: [worldInteraction({ date: '2025-03-10', campaignNo: 'CP1002', evaluation: 'veryPositive', interactionTemplateCode: 'MEETG', salespersonCode: 'OF' })],
  }),
  worldContact({ no: 'CT202', type: 'person', companyNo: 'CT200', searchName: 'KIM ABERCROMBIE', ...trey, excludeFromSegment: true, mailingGroups: ['XMAS'], jobResponsibilities: ['PURCH'] }),
  worldContact({ no: 'CT300', type: 'company', searchName: 'LITWARE INC.', salespersonCode: 'JO', excludeFromSegment: true, industryGroups: ['RETAIL'] }),
  worldContact({ no: 'CT301', type: 'person', companyNo: 'CT300', searchName: 'MONICA ZEN', salespersonCode: 'JO', jobResponsibilities: ['PURCH'] }),
  // A person's own industry group and business relation do not count: its company's do.
  worldContact({ no: 'CT302', type: 'person', companyNo: 'CT200', searchName: 'PETER HOLM', ...trey, industryGroups: ['RETAIL'], businessRelations: ['CUST'] }),
  worldContact({ no: 'CT400', type: 'person', searchName: 'ADAM BARR', salespersonCode: 'OF', mailingGroups: ['XMAS'], industryGroups: ['SOLO'] }),
];
const EVERYONE_NOT_EXCLUDED = ['CT100', 'CT101', 'CT102', 'CT200', 'CT201', 'CT301', 'CT302', 'CT400'];

describe.each(testEngines())('each criterion kind in SQL on %s', (engine) => {
  const TENANT = 'criteria-sql';
  const SEGMENT = 'SM1';
  let test$: TestDb;
  let db: Db;
  beforeAll(async () => {
    test$ = await openTestDb(engine);
    db = test$.db;
    await db.query('INSERT INTO tenant (id) VALUES ($1)', [TENANT]);
    await db.transaction((tx) => insertWorld(tx, TENANT, WORLD));
    await db.query("INSERT INTO segment_header (tenant_id, no) VALUES ($1, $2), ($1, 'EMPTY')", [TENANT, SEGMENT]);
  });
  afterAll(() => test$.dispose());

  /** Sets the segment's lines to `contactNos`, in that order. */
  const setLines = async (contactNos: readonly string[]) => {
    await db.query('DELETE FROM segment_line WHERE tenant_id = $1 AND segment_no = $2', [TENANT, SEGMENT]);
    await db.query('INSERT INTO segment_line (tenant_id, segment_no, line_no, contact_no) SELECT $1, $2, n * 10000, no FROM unnest($3::text[]) WITH ORDINALITY AS t (no, n)', [
      TENANT,
      SEGMENT,
      [...contactNos],
    ]);
  };

  /** What Add would append to the segment through SQL, in contact number order, checked against the in-memory reference. */
  const added = async (criteria: SegmentCriteria, values: Partial<SegmentOptions> = {}, segmentNo = 'EMPTY') => {
    const { sql, params } = contactsToAddSql(TENANT, segmentNo, criteria, options(values));
    const rows = await db.query<{ contact_no: string }>(`SELECT contact_no FROM (${sql}) a ORDER BY contact_no`, params);
    const current = segmentNo === 'EMPTY' ? [] : (await db.query<{ contact_no: string }>('SELECT contact_no FROM segment_line WHERE tenant_id = $1 AND segment_no = $2 ORDER BY line_no', [TENANT, segmentNo])).map((row) => row.contact_no);
    const reference = addContacts(current, await loadContactFacts(db, TENANT), criteria, options(values)).slice(current.length);
    const result = rows.map((row) => row.contact_no);
    expect(result).toEqual(reference);
    return result;
  };

  /** The lines left after Reduce or Refine through SQL, checked against the in-memory reference. */
  const remaining = async (kind: 'reduce' | 'refine', current: readonly string[], criteria: SegmentCriteria) => {
    await setLines(current);
    const { sql, params } = linesToRemoveSql(TENANT, SEGMENT, kind, criteria);
    const rows = await db.query<{ contact_no: string }>(
      `SELECT contact_no FROM segment_line WHERE tenant_id = $1 AND segment_no = $2 AND line_no NOT IN (SELECT removed.line_no FROM (${sql}) removed) ORDER BY line_no`,
      params,
    );
    const facts = await loadContactFacts(db, TENANT);
    const reference = kind === 'reduce' ? reduceContacts(current, facts, criteria) : refineContacts(current, facts, criteria);
    const result = rows.map((row) => row.contact_no);
    expect(result).toEqual(reference);
    return result;
  };

  test.each<[string, SegmentCriteria, string[]]>([
    ['no filter at all selects every contact not excluded', {}, EVERYONE_NOT_EXCLUDED],
    ['a contact no.', { contact: { no: 'CT102' } }, ['CT102']],
    ['a search name prefix, case-insensitive', { contact: { searchName: 'ad' } }, ['CT100', 'CT400']],
    ['a search name prefix with a LIKE wildcard matches it literally', { contact: { searchName: 'a%' } }, []],
    ['a type', { contact: { type: 'company' } }, ['CT100', 'CT200']],
    ['a salesperson code', { contact: { salespersonCode: 'OF' } }, ['CT200', 'CT201', 'CT302', 'CT400']],
    ['a post code', { contact: { postCode: 'US-NY 10001' } }, ['CT200', 'CT201', 'CT302']],
    ['a country/region code', { contact: { countryRegionCode: 'GB' } }, ['CT100', 'CT101', 'CT102']],
    ['a territory code', { contact: { territoryCode: 'NY' } }, ['CT200', 'CT201', 'CT302']],
    ['a blank territory code', { contact: { territoryCode: '' } }, ['CT301', 'CT400']],
    ['contact fields together', { contact: { countryRegionCode: 'GB', type: 'person', searchName: 'ROB' } }, ['CT102']],
    ['a mailing group', { mailingGroup: ['XMAS'] }, ['CT101', 'CT201', 'CT400']],
    ['any of several mailing groups', { mailingGroup: ['XMAS', 'NEWS'] }, ['CT100', 'CT101', 'CT102', 'CT201', 'CT400']],
    ['a job responsibility', { jobResponsibility: ['SALES'] }, ['CT102']],
    ['an industry group of the company, its persons included', { industryGroup: ['MAN'] }, ['CT200', 'CT201', 'CT302']],
    ['an industry group of a person without a company is its own', { industryGroup: ['SOLO'] }, ['CT400']],
    ['a person’s own industry group does not count', { industryGroup: ['RETAIL'] }, ['CT100', 'CT101', 'CT102', 'CT301']],
    ['a business relation of the company', { businessRelation: ['CUST'] }, ['CT100', 'CT101', 'CT102']],
    ['an interaction date range, inclusive', { interaction: { dateFrom: '2025-01-15', dateTo: '2025-02-01' } }, ['CT101', 'CT102']],
    ['an interaction segment no.', { interaction: { segmentNo: 'SM00001' } }, ['CT101', 'CT102']],
    ['an interaction campaign no.', { interaction: { campaignNo: 'CP1002' } }, ['CT201']],
    ['an interaction evaluation', { interaction: { evaluation: 'negative' } }, ['CT102']],
    ['canceled and postponed interactions do not count', { interaction: { evaluation: 'veryNegative' } }, []],
    ['an interaction template code', { interaction: { interactionTemplateCode: 'MEETG' } }, ['CT201']],
    ['an interaction salesperson code, the entry’s', { interaction: { salespersonCode: 'JO' } }, ['CT101', 'CT102']],
    ['all interaction fields on one entry', { interaction: { dateFrom: '2025-02-01', evaluation: 'positive' } }, []],
    ['mailing group AND job responsibility', { mailingGroup: ['XMAS'], jobResponsibility: ['PURCH'] }, ['CT101', 'CT201']],
    ['business relation AND job responsibility', { businessRelation: ['VEND'], jobResponsibility: ['PURCH'] }, ['CT201']],
    ['any of several mailing groups AND any of several job responsibilities', { mailingGroup: ['XMAS', 'NEWS'], jobResponsibility: ['PURCH', 'SALES'] }, ['CT101', 'CT102', 'CT201']],
    ['industry group AND business relation, both the company’s', { industryGroup: ['RETAIL'], businessRelation: ['CUST'] }, ['CT100', 'CT101', 'CT102']],
    ['companies of an industry group', { contact: { type: 'company' }, industryGroup: ['RETAIL', 'MAN'] }, ['CT100', 'CT200']],
    ['companies of an industry group only a person holds', { contact: { type: 'company' }, industryGroup: ['SOLO'] }, []],
    ['persons of a business relation', { contact: { type: 'person' }, businessRelation: ['CUST', 'VEND'] }, ['CT101', 'CT102', 'CT201', 'CT302']],
    ['contact fields AND interaction', { contact: { type: 'person' }, interaction: { evaluation: 'positive' } }, ['CT101']],
  ])('Add by %s', async (_title, criteria, expected) => {
    expect(await added(criteria)).toEqual(expected);
  });

  test.each<[string, SegmentCriteria, Partial<SegmentOptions>, string[]]>([
    ['Ignore Exclusion includes excluded contacts', { mailingGroup: ['XMAS'] }, { ignoreExclusion: true }, ['CT101', 'CT201', 'CT202', 'CT400']],
    ['Expand Companies adds the persons of a selected company, except excluded ones', { contact: { no: 'CT200' } }, { expandCompanies: true }, ['CT200', 'CT201', 'CT302']],
    ['Expand Companies with Ignore Exclusion adds excluded persons too', { contact: { no: 'CT200' } }, { expandCompanies: true, ignoreExclusion: true }, ['CT200', 'CT201', 'CT202', 'CT302']],
    ['Expand Companies does not add colleagues of a selected person', { jobResponsibility: ['SALES'] }, { expandCompanies: true }, ['CT102']],
    ['Allow Related Companies adds the company of a selected person', { jobResponsibility: ['SALES'] }, { allowRelatedCompanies: true }, ['CT100', 'CT102']],
    ['Allow Related Companies does not add an excluded company', { contact: { no: 'CT301' } }, { allowRelatedCompanies: true }, ['CT301']],
    ['a person without a company has no related company', { contact: { no: 'CT400' } }, { allowRelatedCompanies: true }, ['CT400']],
    ['both options do not expand a company reached only as related', { contact: { no: 'CT101' } }, { allowRelatedCompanies: true, expandCompanies: true }, ['CT100', 'CT101']],
    ['a contact reached twice comes once', { contact: { countryRegionCode: 'GB' } }, { expandCompanies: true, allowRelatedCompanies: true }, ['CT100', 'CT101', 'CT102']],
  ])('Add with %s', async (_title, criteria, values, expected) => {
    expect(await added(criteria, values)).toEqual(expected);
  });

  test('Add leaves out contacts on the segment, unless Allow Existing Contacts', async () => {
    await setLines(['CT201', 'CT999']);
    expect(await added({ mailingGroup: ['XMAS'] }, {}, SEGMENT)).toEqual(['CT101', 'CT400']);
    expect(await added({ mailingGroup: ['XMAS'] }, { allowExistingContacts: true }, SEGMENT)).toEqual(['CT101', 'CT201', 'CT400']);
  });

  const segment = ['CT100', 'CT101', 'CT102', 'CT201', 'CT400', 'CT202', 'CT999'];
  test.each<[string, 'reduce' | 'refine', SegmentCriteria, string[]]>([
    ['Reduce by a mailing group', 'reduce', { mailingGroup: ['XMAS'] }, ['CT100', 'CT102', 'CT999']],
    ['Reduce by an industry group of the company', 'reduce', { industryGroup: ['RETAIL'] }, ['CT201', 'CT400', 'CT202', 'CT999']],
    ['Reduce by an interaction', 'reduce', { interaction: { evaluation: 'negative' } }, ['CT100', 'CT101', 'CT201', 'CT400', 'CT202', 'CT999']],
    ['Reduce by criteria nobody matches', 'reduce', { contact: { no: 'CT998' } }, segment],
    ['Reduce by no criteria removes every contact that exists', 'reduce', {}, ['CT999']],
    ['Reduce removes an excluded contact too', 'reduce', { contact: { no: 'CT202' } }, ['CT100', 'CT101', 'CT102', 'CT201', 'CT400', 'CT999']],
    ['Refine by a mailing group', 'refine', { mailingGroup: ['XMAS'] }, ['CT101', 'CT201', 'CT400', 'CT202']],
    ['Refine by a business relation and a mailing group', 'refine', { mailingGroup: ['XMAS'], businessRelation: ['CUST'] }, ['CT101']],
    ['Refine by a job responsibility', 'refine', { jobResponsibility: ['PURCH'] }, ['CT101', 'CT201', 'CT202']],
    ['Refine by criteria nobody matches empties the segment', 'refine', { contact: { no: 'CT998' } }, []],
    ['Refine by no criteria drops only contacts that are gone', 'refine', {}, ['CT100', 'CT101', 'CT102', 'CT201', 'CT400', 'CT202']],
  ])('%s', async (_title, kind, criteria, expected) => {
    expect(await remaining(kind, segment, criteria)).toEqual(expected);
  });
});
