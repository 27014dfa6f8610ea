import type { NoSeries, NoSeriesLine } from '../../../domain/number-series';
import type { InteractionTemplate, InteractionTemplateSetup } from '../../../domain/interaction/interaction-template-setup';
import { INTERACTION_TEMPLATE_SETUP_FIELDS } from '../../../domain/interaction/interaction-template-setup';
import type { SalesCycle, SalesCycleStage } from '../../../domain/opportunity/sales-cycle';

/**
 * What a new tenant starts with: Business Central's demo setup for relationship management, so a
 * first sign-in gives a working system that an administrator then adapts.
 */

type SeriesDefault = NoSeries & { line: Pick<NoSeriesLine, 'startingNo' | 'endingNo' | 'warningNo'> };

const series = (code: string, description: string, startingNo: string, endingNo: string): SeriesDefault => ({
  code,
  description,
  defaultNos: true,
  manualNos: true,
  dateOrder: false,
  line: { startingNo, endingNo, warningNo: '' },
});

/** Business Central's demo ranges (§3), Manual Nos. on as in its demo company. */
export const DEFAULT_NUMBER_SERIES: readonly SeriesDefault[] = [
  series('CONT', 'Contacts', 'CT000001', 'CT999999'),
  series('CAMP', 'Campaigns', 'CP0001', 'CP9999'),
  series('SEGM', 'Segments', 'SM00001', 'SM99999'),
  series('OPP', 'Opportunities', 'OP000001', 'OP999999'),
  series('TASK', 'Tasks', 'TD000001', 'TD999999'),
];

export type CodeListKind =
  | 'territory'
  | 'countryRegion'
  | 'language'
  | 'currency'
  | 'businessRelation'
  | 'industryGroup'
  | 'mailingGroup'
  | 'jobResponsibility'
  | 'organizationalLevel'
  | 'team';

export const DEFAULT_CODE_LISTS: Record<CodeListKind, readonly [code: string, description: string][]> = {
  territory: [
    ['NORDIC', 'Nordic countries'],
    ['BENELUX', 'Benelux'],
    ['DACH', 'Germany, Austria, Switzerland'],
    ['EXPORT', 'Rest of the world'],
  ],
  countryRegion: [
    ['SE', 'Sweden'],
    ['NO', 'Norway'],
    ['DK', 'Denmark'],
    ['FI', 'Finland'],
    ['NL', 'Netherlands'],
    ['BE', 'Belgium'],
    ['DE', 'Germany'],
    ['AT', 'Austria'],
    ['CH', 'Switzerland'],
    ['GB', 'United Kingdom'],
    ['US', 'United States'],
  ],
  language: [
    ['ENU', 'English (United States)'],
    ['SVE', 'Swedish'],
    ['NOR', 'Norwegian (Bokmål)'],
    ['DAN', 'Danish'],
    ['FIN', 'Finnish'],
    ['NLD', 'Dutch'],
    ['NLB', 'Dutch (Belgium)'],
    ['DEU', 'German'],
  ],
  currency: [
    ['EUR', 'Euro'],
    ['SEK', 'Swedish krona'],
    ['NOK', 'Norwegian krone'],
    ['DKK', 'Danish krone'],
    ['USD', 'US dollar'],
    ['GBP', 'Pound sterling'],
  ],
  businessRelation: [
    ['CUST', 'Customer'],
    ['VEND', 'Vendor'],
    ['BANK', 'Bank'],
    ['EMP', 'Employee'],
    ['PROS', 'Prospect'],
    ['PARTNER', 'Partner'],
    ['PRESS', 'Press'],
  ],
  industryGroup: [
    ['RETAIL', 'Retail'],
    ['WHOLESALE', 'Wholesale'],
    ['MANUFACT', 'Manufacturing'],
    ['SERVICES', 'Services'],
    ['CONSTRUCT', 'Construction'],
  ],
  mailingGroup: [
    ['NEWSLETTER', 'Newsletter'],
    ['XMAS', 'Christmas card'],
    ['EVENTS', 'Event invitations'],
  ],
  jobResponsibility: [
    ['PURCHASE', 'Purchasing'],
    ['SALES', 'Sales'],
    ['MANAGEMENT', 'Management'],
    ['IT', 'IT'],
    ['FINANCE', 'Finance'],
  ],
  organizationalLevel: [
    ['CEO', 'Chief executive'],
    ['MANAGER', 'Manager'],
    ['STAFF', 'Staff'],
  ],
  team: [['SALES', 'Sales team']],
};

export const DEFAULT_INTERACTION_GROUPS: readonly [code: string, description: string][] = [
  ['LETTER', 'Letters'],
  ['EMAIL', 'E-mails'],
  ['MEETING', 'Meetings'],
  ['PHONE', 'Telephone conversations'],
  ['SALES', 'Sales documents'],
  ['PURCHASES', 'Purchase documents'],
  ['SYSTEM', 'System interactions'],
];

const template = (
  code: string,
  interactionGroupCode: string,
  description: string,
  values: Partial<InteractionTemplate> = {},
): InteractionTemplate => ({
  code,
  interactionGroupCode,
  description,
  unitCost: 0,
  unitDurationMin: 0,
  informationFlow: '',
  initiatedBy: '',
  campaignNo: '',
  campaignTarget: false,
  campaignResponse: false,
  correspondenceType: 'email',
  ignoreContactCorresType: false,
  languageCode: '',
  wizardAction: '',
  ...values,
});

/** Business Central's demo templates (§5.2) plus the e-mail template the add-in logs with. */
export const DEFAULT_INTERACTION_TEMPLATES: readonly InteractionTemplate[] = [
  template('EMAIL', 'EMAIL', 'E-mail', { unitDurationMin: 5 }),
  template('EMAILDRAFT', 'EMAIL', 'E-mail draft'),
  template('OUTGOING', 'PHONE', 'Outgoing phone call', { unitCost: 1, unitDurationMin: 15, informationFlow: 'outbound', initiatedBy: 'us', correspondenceType: '' }),
  template('INCOMING', 'PHONE', 'Incoming phone call', { unitDurationMin: 15, informationFlow: 'inbound', initiatedBy: 'them', correspondenceType: '' }),
  template('MEETING', 'MEETING', 'Meeting on site', { unitCost: 45, unitDurationMin: 180, correspondenceType: '' }),
  template('MEETINV', 'MEETING', 'Meeting invitation', { informationFlow: 'outbound', initiatedBy: 'us' }),
  template('BUS', 'LETTER', 'Business letter', { unitCost: 8, unitDurationMin: 30, informationFlow: 'outbound', initiatedBy: 'us', correspondenceType: 'hardCopy' }),
  template('COVERSH', 'LETTER', 'Cover sheet', { informationFlow: 'outbound', initiatedBy: 'us' }),
  template('SQUOTE', 'SALES', 'Sales quote', { informationFlow: 'outbound', initiatedBy: 'us' }),
  template('SINVOICE', 'SALES', 'Sales invoice', { informationFlow: 'outbound', initiatedBy: 'us' }),
];

export const DEFAULT_INTERACTION_TEMPLATE_SETUP: InteractionTemplateSetup = {
  ...(Object.fromEntries(INTERACTION_TEMPLATE_SETUP_FIELDS.map((field) => [field, ''])) as InteractionTemplateSetup),
  emails: 'EMAIL',
  emailDraft: 'EMAILDRAFT',
  coverSheets: 'COVERSH',
  outgCalls: 'OUTGOING',
  meetingInvitation: 'MEETINV',
  salesQuotes: 'SQUOTE',
  salesInvoices: 'SINVOICE',
};

export const DEFAULT_SALES_CYCLE: SalesCycle = {
  code: 'NEW',
  description: 'New customers',
  probabilityCalculation: 'chancesOfSuccessPct',
  blocked: false,
};

const stage = (
  number: number,
  description: string,
  completedPct: number,
  chancesOfSuccessPct: number,
  values: Partial<SalesCycleStage> = {},
): SalesCycleStage => ({
  salesCycleCode: 'NEW',
  stage: number,
  description,
  completedPct,
  chancesOfSuccessPct,
  activityCode: '',
  quoteRequired: false,
  allowSkip: false,
  dateFormula: '',
  ...values,
});

/** Business Central's demo cycle NEW (§8.2). */
export const DEFAULT_SALES_CYCLE_STAGES: readonly SalesCycleStage[] = [
  stage(1, 'Initial', 2, 10, { dateFormula: '3M' }),
  stage(2, 'Qualification', 5, 20, { dateFormula: '2M' }),
  stage(3, 'Presentation', 40, 50, { quoteRequired: true, allowSkip: true, dateFormula: '1M' }),
  stage(4, 'Proposal', 60, 75, { quoteRequired: true, dateFormula: '2W' }),
  stage(5, 'Sign Contract', 95, 100, { quoteRequired: true, dateFormula: '1W' }),
];

/** Business Central's demo close opportunity codes (§8.6): [code, type, description]. */
export const DEFAULT_CLOSE_OPPORTUNITY_CODES: readonly [code: string, type: 'won' | 'lost', description: string][] = [
  ['PRICE_W', 'won', 'Won: price'],
  ['PRICE_L', 'lost', 'Lost: price'],
  ['PRODUCT_W', 'won', 'Won: product'],
  ['PRODUCT_L', 'lost', 'Lost: product'],
  ['RELATION_W', 'won', 'Won: relationship'],
  ['RELATION_L', 'lost', 'Lost: relationship'],
  ['SALESREP_W', 'won', 'Won: sales representative'],
  ['SALESREP_L', 'lost', 'Lost: sales representative'],
  ['PRES_W', 'won', 'Won: presentation'],
  ['PRES_L', 'lost', 'Lost: presentation'],
  ['CONSULT_W', 'won', 'Won: consulting'],
  ['CONSULT_L', 'lost', 'Lost: consulting'],
  ['BUSINESS_W', 'won', 'Won: business'],
  ['BUSINESS_L', 'lost', 'Lost: business'],
  ['POSTPND_L', 'lost', 'Lost: postponed'],
  ['TIMEWST_L', 'lost', 'Lost: waste of time'],
  ['WALKED_L', 'lost', 'Lost: customer walked away'],
];
