import { RapportError } from '../errors';

/** Campaign (§7.1). Dates are `YYYY-MM-DD` or null. */
export type Campaign = {
  no: string;
  description: string;
  startingDate: string | null;
  endingDate: string | null;
  salespersonCode: string;
  statusCode: string;
};

/** Starting Date may not be after Ending Date when both are set (§7.1). */
export function checkCampaignDates(startingDate: string | null, endingDate: string | null): void {
  if (startingDate !== null && endingDate !== null && startingDate > endingDate) {
    throw new RapportError('validation_failed', `Starting Date ${startingDate} must not be after Ending Date ${endingDate}.`, {
      fields: [{ path: 'endingDate', message: 'Must not be before the starting date.' }],
    });
  }
}

/** A campaign runs on a date when the date lies within its dates; a blank date is open-ended. */
export const isCampaignActiveOn = (campaign: Pick<Campaign, 'startingDate' | 'endingDate'>, date: string): boolean =>
  (campaign.startingDate === null || campaign.startingDate <= date) && (campaign.endingDate === null || date <= campaign.endingDate);

/** What the statistics count of one interaction (§7.2). */
export type CampaignInteraction = { campaignTarget: boolean; campaignResponse: boolean; costLcy: number; durationMin: number; canceled: boolean; postponed: boolean };
export type CampaignOpportunityValue = { estimatedValueLcy: number; calcdCurrentValueLcy: number };

export type CampaignStatistics = {
  targetContactsContacted: number;
  contactsResponded: number;
  responseRatePct: number;
  costLcy: number;
  durationMin: number;
  avgCostPerResponseLcy: number;
  avgDurationPerResponseMin: number;
  noOfOpportunities: number;
  estimatedValueLcy: number;
  calcdCurrentValueLcy: number;
};

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/**
 * Campaign statistics exactly as §7.2: over non-canceled, non-postponed interactions, Target
 * Contacts Contacted counts those with Campaign Target, Contacts Responded those with Campaign
 * Response; Response Rate % = responded / contacted × 100 to 0.1 (0 when none contacted); cost and
 * duration are sums, averaged per response (0 when none responded; money to 0.01). Opportunities:
 * the active entries of the campaign's opportunities.
 */
export function campaignStatistics(interactions: readonly CampaignInteraction[], opportunities: readonly CampaignOpportunityValue[]): CampaignStatistics {
  const counted = interactions.filter((interaction) => !interaction.canceled && !interaction.postponed);
  return campaignStatisticsOfTotals({
    contacted: counted.filter((interaction) => interaction.campaignTarget).length,
    responded: counted.filter((interaction) => interaction.campaignResponse).length,
    costLcy: counted.reduce((sum, interaction) => sum + interaction.costLcy, 0),
    durationMin: counted.reduce((sum, interaction) => sum + interaction.durationMin, 0),
    opportunities: opportunities.length,
    estimatedValueLcy: opportunities.reduce((sum, opportunity) => sum + opportunity.estimatedValueLcy, 0),
    calcdCurrentValueLcy: opportunities.reduce((sum, opportunity) => sum + opportunity.calcdCurrentValueLcy, 0),
  });
}

/** What the statistics are made of, summed where the interactions are (the service sums them in SQL). */
export type CampaignTotals = {
  /** Non-canceled, non-postponed interactions with Campaign Target, and with Campaign Response. */
  contacted: number;
  responded: number;
  /** Cost and duration of those interactions. */
  costLcy: number;
  durationMin: number;
  /** The campaign's opportunities, and their active entries' values. */
  opportunities: number;
  estimatedValueLcy: number;
  calcdCurrentValueLcy: number;
};

/** The statistics of §7.2 from their totals: the rates, averages and roundings of `campaignStatistics`. */
export function campaignStatisticsOfTotals(totals: CampaignTotals): CampaignStatistics {
  const { contacted, responded } = totals;
  const costLcy = round(totals.costLcy, 2);
  const durationMin = round(totals.durationMin, 2);
  return {
    targetContactsContacted: contacted,
    contactsResponded: responded,
    responseRatePct: contacted === 0 ? 0 : round((responded / contacted) * 100, 1),
    costLcy,
    durationMin,
    avgCostPerResponseLcy: responded === 0 ? 0 : round(costLcy / responded, 2),
    avgDurationPerResponseMin: responded === 0 ? 0 : round(durationMin / responded, 2),
    noOfOpportunities: totals.opportunities,
    estimatedValueLcy: round(totals.estimatedValueLcy, 2),
    calcdCurrentValueLcy: round(totals.calcdCurrentValueLcy, 2),
  };
}

/** Campaign Entry description (§7.3): the segment's description, else the document type's caption, else "Interactions". */
export const campaignEntryDescription = (segmentDescription: string, documentTypeCaption: string): string => segmentDescription || documentTypeCaption || 'Interactions';

/** Business Central's demo campaign statuses (§7.1): informational only, no workflow. */
export const DEFAULT_CAMPAIGN_STATUSES: readonly [code: string, description: string][] = [
  ['1-PLAN', 'Planned'],
  ['2-APP', 'Approved'],
  ['3-INIT', 'Initiated'],
  ['4-SCH', 'Scheduled'],
  ['5-START', 'Started'],
  ['9-DONE', 'Done'],
];
