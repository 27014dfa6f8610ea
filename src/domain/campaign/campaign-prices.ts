import { RapportError } from '../errors';

/**
 * Campaign prices and line discounts (§7.4): price-list lines whose source is the campaign, and
 * the Campaign Target Group that makes them apply to a customer or company.
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

/** A price line carries a unit price, a discount line a discount of 0..100 %; dates in order. */
export function checkPriceLine(line: CampaignPriceLine): void {
  const invalid = (path: string, message: string) => new RapportError('validation_failed', message, { fields: [{ path, message }] });
  if (line.minimumQuantity < 0) throw invalid('minimumQuantity', 'Minimum Quantity must not be negative.');
  if (line.kind === 'price' && line.unitPrice < 0) throw invalid('unitPrice', 'Unit Price must not be negative.');
  if (line.kind === 'discount' && (line.lineDiscountPct <= 0 || line.lineDiscountPct > 100)) throw invalid('lineDiscountPct', 'Line Discount % must be above 0 and at most 100.');
  if (line.startingDate !== null && line.endingDate !== null && line.startingDate > line.endingDate) throw invalid('endingDate', 'Ending Date must not be before Starting Date.');
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
