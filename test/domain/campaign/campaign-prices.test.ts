import { checkPriceLine, priceLinesOn, targetGroupOf, withCampaignDates, type CampaignPriceLine } from '../../../src/domain/campaign/campaign-prices';
import { rapportErrorOf } from '../rapport-error';

const line = (values: Partial<CampaignPriceLine> = {}): CampaignPriceLine => ({
  lineNo: 1,
  kind: 'price',
  itemNo: '1000',
  minimumQuantity: 0,
  unitPrice: 100,
  lineDiscountPct: 0,
  startingDate: null,
  endingDate: null,
  ...values,
});

describe('campaign target groups (§7.4)', () => {
  test('a company linked to a customer joins as the customer, one without as the company contact, each once', () => {
    expect(
      targetGroupOf('CP0001', [
        { companyNo: 'CT000001', customerNo: 'C00010' },
        { companyNo: 'CT000001', customerNo: 'C00010' },
        { companyNo: 'CT000005', customerNo: '' },
      ]),
    ).toEqual([
      { type: 'contact', no: 'CT000005' },
      { type: 'customer', no: 'C00010' },
    ]);
  });

  test('nothing to target is an error saying what to do', () => {
    const error = rapportErrorOf(() => targetGroupOf('CP0001', []));
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('Campaign Target');
  });
});

describe('campaign price lines', () => {
  test.each([
    ['a negative minimum quantity', { minimumQuantity: -1 }, 'minimumQuantity'],
    ['a negative price', { unitPrice: -5 }, 'unitPrice'],
    ['a discount of 0', { kind: 'discount' as const, lineDiscountPct: 0 }, 'lineDiscountPct'],
    ['a discount over 100', { kind: 'discount' as const, lineDiscountPct: 101 }, 'lineDiscountPct'],
  ])('%s is refused', (_case, values, field) => {
    expect(rapportErrorOf(() => checkPriceLine(line(values))).fields?.[0]?.path).toBe(field);
  });

  const spring = { startingDate: '2025-03-01', endingDate: '2025-05-31' };
  test.each([
    ['no dates', {}, spring],
    ["the campaign's dates", spring, spring],
    ['blank dates for a campaign without dates', { startingDate: null, endingDate: null }, { startingDate: null, endingDate: null }],
  ])("a line with %s takes the campaign's dates", (_case, dates, campaign) => {
    const { startingDate: _startingDate, endingDate: _endingDate, ...rest } = line();
    expect(withCampaignDates({ ...rest, ...dates }, campaign)).toEqual({ ...rest, ...campaign });
  });

  test.each([
    ['another starting date', { startingDate: '2025-04-01' }, 'startingDate'],
    ['a blank starting date', { startingDate: null }, 'startingDate'],
    ['another ending date', { endingDate: '2025-06-30' }, 'endingDate'],
  ])('a line with %s than the campaign is refused, as in Business Central', (_case, dates, field) => {
    const { startingDate: _startingDate, endingDate: _endingDate, ...rest } = line();
    expect(rapportErrorOf(() => withCampaignDates({ ...rest, ...dates }, spring)).fields?.[0]?.path).toBe(field);
  });

  test('lines apply within their dates', () => {
    const lines = [line({ lineNo: 1 }), line({ lineNo: 2, startingDate: '2025-04-01' }), line({ lineNo: 3, endingDate: '2025-03-01' })];
    expect(priceLinesOn(lines, '2025-03-05').map((l) => l.lineNo)).toEqual([1]);
  });
});
