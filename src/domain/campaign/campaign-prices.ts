import { RapportError } from '../errors';
import type { Campaign } from './campaign';

/**
 * Campaign prices and line discounts (§7.4): price-list lines whose source is the campaign, and
 * the Campaign Target Group that makes them apply to a customer or company. A line's Starting and
 * Ending Date are always its campaign's (`withCampaignDates`).
 */
export type CampaignPriceLine = {
  lineNo: number;
  kind: 'price' | 'discount';
  itemNo: string;
  minimumQuantity: number;
  unitPrice: number;
  lineDiscountPct: number;
  startingDate: string | null;
  endingDate: string | null;
};

export type TargetGroupMember = { type: 'customer' | 'contact'; no: string };

/** A price or discount line as a request gives it: its dates may be left out, as they are the campaign's. */
export type PriceLineInput = Omit<CampaignPriceLine, 'startingDate' | 'endingDate'> & { startingDate?: string | null | undefined; endingDate?: string | null | undefined };

const invalid = (path: string, message: string) => new RapportError('validation_failed', message, { fields: [{ path, message }] });

/** A price line carries a unit price, a discount line a discount of 0..100 %. */
export function checkPriceLine(line: PriceLineInput): void {
  if (line.minimumQuantity < 0) throw invalid('minimumQuantity', 'Minimum Quantity must not be negative.');
  if (line.kind === 'price' && line.unitPrice < 0) throw invalid('unitPrice', 'Unit Price must not be negative.');
  if (line.kind === 'discount' && (line.lineDiscountPct <= 0 || line.lineDiscountPct > 100)) throw invalid('lineDiscountPct', 'Line Discount % must be above 0 and at most 100.');
}

/**
 * The line with its campaign's Starting and Ending Date. As in Business Central, where a campaign's
 * price list lines take the campaign's dates, follow them when they change and refuse other dates
 * ("only from the Campaign Card"): a line may leave its dates out or repeat the campaign's; a line
 * naming another date is refused with that field.
 */
export function withCampaignDates(line: PriceLineInput, campaign: Pick<Campaign, 'startingDate' | 'endingDate'>): CampaignPriceLine {
  const fields = [
    ['startingDate', 'Starting Date', line.startingDate, campaign.startingDate],
    ['endingDate', 'Ending Date', line.endingDate, campaign.endingDate],
  ] as const;
  for (const [path, caption, given, campaigns] of fields) {
    if (given !== undefined && given !== campaigns) {
      throw invalid(path, `${caption} of a campaign's price line is the campaign's (${campaigns ?? 'blank'}); change it on the campaign.`);
    }
  }
  return { ...line, startingDate: campaign.startingDate, endingDate: campaign.endingDate };
}

/** The lines that apply on a date (open-ended dates apply always). */
export const priceLinesOn = (lines: readonly CampaignPriceLine[], date: string): CampaignPriceLine[] =>
  lines.filter((line) => (line.startingDate === null || line.startingDate <= date) && (line.endingDate === null || date <= line.endingDate));

/**
 * "Activate Sales Prices/Line Discounts" (§7.4): each targeted contact puts its company in the
 * group — as its customer when the company is linked to one, else as the company contact —
 * once. Throws when nothing qualifies, with Business Central's hint.
 */
export function targetGroupOf(campaignNo: string, targets: readonly { companyNo: string; customerNo: string }[]): TargetGroupMember[] {
  if (targets.length === 0) {
    throw new RapportError(
      'conflict',
      `There are no contacts to target in campaign ${campaignNo}: set Campaign Target on the campaign's segment lines or interactions first.`,
    );
  }
  const members = new Map<string, TargetGroupMember>();
  for (const target of targets) {
    const member: TargetGroupMember = target.customerNo !== '' ? { type: 'customer', no: target.customerNo } : { type: 'contact', no: target.companyNo };
    members.set(`${member.type}:${member.no}`, member);
  }
  return [...members.values()].sort((a, b) => (a.type === b.type ? (a.no < b.no ? -1 : 1) : a.type < b.type ? -1 : 1));
}
