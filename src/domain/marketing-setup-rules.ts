import { RapportError, type FieldProblem } from './errors';
import type { MarketingSetup } from './marketing-setup';

/**
 * The Marketing Setup a new tenant starts with (§1): Business Central's initial values (all
 * inheritance flags on, Autosearch and Maintain on, Search Hit % 60, attachments embedded) plus
 * its demo data (number series CONT/CAMP/SEGM/TASK/OPP, correspondence by e-mail, salutations
 * COMPANY/UNISEX, sales cycle NEW, relation codes CUST/VEND/BANK/EMP, merge fields in 1033
 * en-US), so that creating a contact works from the first minute. Frozen: copy it to change it.
 */
export const DEFAULT_MARKETING_SETUP: MarketingSetup = Object.freeze({
  contactNos: 'CONT',
  campaignNos: 'CAMP',
  segmentNos: 'SEGM',
  taskNos: 'TASK',
  opportunityNos: 'OPP',
  inheritSalespersonCode: true,
  inheritTerritoryCode: true,
  inheritCountryRegionCode: true,
  inheritLanguageCode: true,
  inheritFormatRegion: true,
  inheritAddressDetails: true,
  inheritCommunicationDetails: true,
  defaultSalespersonCode: '',
  defaultTerritoryCode: '',
  defaultCountryRegionCode: '',
  defaultLanguageCode: '',
  defaultFormatRegion: '',
  defaultCorrespondenceType: 'email',
  defCompanySalutationCode: 'COMPANY',
  defaultPersonSalutationCode: 'UNISEX',
  defaultSalesCycleCode: 'NEW',
  defaultTaskDateCalculation: '',
  busRelCodeForCustomers: 'CUST',
  busRelCodeForVendors: 'VEND',
  busRelCodeForBankAccs: 'BANK',
  busRelCodeForEmployees: 'EMP',
  mergefieldLanguageId: 1033,
  attachmentStorageType: 'embedded',
  attachmentStorageLocation: '',
  autosearchForDuplicates: true,
  maintainDuplSearchStrings: true,
  searchHitPercent: 60,
  custTemplateCompanyCode: '',
  custTemplatePersonCode: '',
  autoLogSentEmail: false,
});

/** The range and presence rules of Marketing Setup; the problems found, empty when none. */
function setupProblems(setup: MarketingSetup): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // Search Hit %: Integer, MinValue 1, MaxValue 100, NotBlank.
  if (!Number.isInteger(setup.searchHitPercent) || setup.searchHitPercent < 1 || setup.searchHitPercent > 100) {
    problems.push({ path: 'searchHitPercent', message: 'Search Hit % must be a whole number from 1 to 100.' });
  }
  // Business Central refuses disk-file attachments without a location when the first attachment
  // is stored; Rapport refuses the setup itself, where the mistake is made.
  if (setup.attachmentStorageType === 'diskFile' && setup.attachmentStorageLocation.trim() === '') {
    problems.push({ path: 'attachmentStorageLocation', message: 'Attachment Storage Location must have a value when attachments are stored as disk files.' });
  }
  return problems;
}

/**
 * Replaces Marketing Setup `current` by `next` with the field triggers of Business Central's
 * table 5079 (§1):
 * - a changed Maintain Dupl. Search Strings is copied into Autosearch for Duplicates, so turning
 *   maintenance off turns autosearch off too;
 * - Autosearch for Duplicates on forces Maintain Dupl. Search Strings on (autosearch needs the
 *   index) — this also wins when both flags change at once in contradictory ways;
 * - Maintain switching from off to on sets `rebuildDuplicateIndex`: the caller rebuilds the
 *   search strings of every company contact (BC asks "Do you want to generate duplicate search
 *   strings?"; Rapport always does, as an index that is maintained but incomplete finds nothing).
 *
 * Throws `validation_failed` listing every field out of range (Search Hit % outside 1..100, a
 * disk-file storage without a location). Neither input is changed.
 */
export function applyMarketingSetupChange(current: MarketingSetup, next: MarketingSetup): { setup: MarketingSetup; rebuildDuplicateIndex: boolean } {
  const problems = setupProblems(next);
  if (problems.length > 0) {
    throw new RapportError('validation_failed', problems.map((problem) => problem.message).join(' '), { fields: problems });
  }
  let autosearchForDuplicates = next.autosearchForDuplicates;
  let maintainDuplSearchStrings = next.maintainDuplSearchStrings;
  if (maintainDuplSearchStrings !== current.maintainDuplSearchStrings && autosearchForDuplicates === current.autosearchForDuplicates) {
    autosearchForDuplicates = maintainDuplSearchStrings;
  }
  if (autosearchForDuplicates) maintainDuplSearchStrings = true;
  return {
    setup: { ...next, autosearchForDuplicates, maintainDuplSearchStrings },
    rebuildDuplicateIndex: maintainDuplSearchStrings && !current.maintainDuplSearchStrings,
  };
}
