import { campaignEntryDescription, campaignStatistics, checkCampaignDates, isCampaignActiveOn, type CampaignInteraction } from '../../../src/domain/campaign/campaign';
import { rapportErrorOf } from '../rapport-error';

const interaction = (values: Partial<CampaignInteraction> = {}): CampaignInteraction => ({
  campaignTarget: true,
  campaignResponse: false,
  costLcy: 8,
  durationMin: 0,
  canceled: false,
  postponed: false,
  ...values,
});

describe('campaign statistics (§7.2)', () => {
  test("Business Central's example: 200 targeted, 30 responded, cost 1,600 → 15.0 % and 53.33 per response", () => {
    const interactions = [
      ...Array.from({ length: 170 }, () => interaction({ costLcy: 8 })),
      ...Array.from({ length: 30 }, () => interaction({ costLcy: 8, campaignResponse: true })),
    ];
    expect(campaignStatistics(interactions, [])).toMatchObject({
      targetContactsContacted: 200,
      contactsResponded: 30,
      responseRatePct: 15,
      costLcy: 1600,
      avgCostPerResponseLcy: 53.33,
    });
  });

  test('canceled and postponed interactions count nowhere', () => {
    const statistics = campaignStatistics(
      [interaction({ campaignResponse: true }), interaction({ canceled: true, campaignResponse: true, costLcy: 100 }), interaction({ postponed: true, costLcy: 50 })],
      [],
    );
    expect(statistics).toMatchObject({ targetContactsContacted: 1, contactsResponded: 1, costLcy: 8, responseRatePct: 100 });
  });

  test('nobody contacted or responded gives zeros, not division errors', () => {
    expect(campaignStatistics([interaction({ campaignTarget: false, costLcy: 3, durationMin: 10 })], [])).toMatchObject({
      responseRatePct: 0,
      avgCostPerResponseLcy: 0,
      avgDurationPerResponseMin: 0,
      costLcy: 3,
      durationMin: 10,
    });
  });

  test('the response rate is kept to 0.1', () => {
    const interactions = [interaction({ campaignResponse: true }), interaction(), interaction()];
    expect(campaignStatistics(interactions, []).responseRatePct).toBe(33.3);
  });

  test('opportunity values are summed', () => {
    expect(campaignStatistics([], [{ estimatedValueLcy: 20000, calcdCurrentValueLcy: 4000 }, { estimatedValueLcy: 5000, calcdCurrentValueLcy: 2500 }])).toMatchObject({
      noOfOpportunities: 2,
      estimatedValueLcy: 25000,
      calcdCurrentValueLcy: 6500,
    });
  });
});

describe('campaign dates', () => {
  test('a start after the end is refused with the ending date named', () => {
    const error = rapportErrorOf(() => checkCampaignDates('2025-04-01', '2025-03-01'));
    expect(error.code).toBe('validation_failed');
    expect(error.fields?.[0]?.path).toBe('endingDate');
  });

  test.each([
    [null, null, '2025-03-05', true],
    ['2025-03-01', '2025-03-31', '2025-03-05', true],
    ['2025-03-06', null, '2025-03-05', false],
    [null, '2025-03-04', '2025-03-05', false],
    ['2025-03-05', '2025-03-05', '2025-03-05', true],
  ])('from %s to %s, on %s the campaign runs: %s', (startingDate, endingDate, date, active) => {
    expect(isCampaignActiveOn({ startingDate, endingDate }, date)).toBe(active);
  });
});

test.each([
  ['Spring mailing', 'Sales Quote', 'Spring mailing'],
  ['', 'Sales Quote', 'Sales Quote'],
  ['', '', 'Interactions'],
])('a campaign entry for segment "%s" and document "%s" is described as %s', (segment, document, expected) => {
  expect(campaignEntryDescription(segment, document)).toBe(expected);
});
