import { funnelRows } from '../../../src/console/pages/campaign-card/funnel';

test('each step is a share of the targets, and its bar a share of the largest step', () => {
  expect(funnelRows({ targets: 200, contacted: 150, responded: 30, opportunities: 4, won: 1 })).toEqual([
    { step: 'targets', count: 200, ofTargets: 100, barPct: 100 },
    { step: 'contacted', count: 150, ofTargets: 75, barPct: 75 },
    { step: 'responded', count: 30, ofTargets: 15, barPct: 15 },
    { step: 'opportunities', count: 4, ofTargets: 2, barPct: 2 },
    { step: 'won', count: 1, ofTargets: 0.5, barPct: 0.5 },
  ]);
});

test('opportunities counted as such may outnumber the contacts: the bars are measured against them then', () => {
  const rows = funnelRows({ targets: 4, contacted: 4, responded: 2, opportunities: 8, won: 3 });
  expect(rows.map((row) => [row.step, row.ofTargets, row.barPct])).toEqual([
    ['targets', 100, 50],
    ['contacted', 100, 50],
    ['responded', 50, 25],
    ['opportunities', 200, 100],
    ['won', 75, 37.5],
  ]);
});

test('a campaign that targets no one has no shares, and empty bars when nothing happened', () => {
  expect(funnelRows({ targets: 0, contacted: 0, responded: 0, opportunities: 0, won: 0 }).map((row) => [row.ofTargets, row.barPct])).toEqual([
    [null, 0],
    [null, 0],
    [null, 0],
    [null, 0],
    [null, 0],
  ]);
  expect(funnelRows({ targets: 0, contacted: 0, responded: 3, opportunities: 0, won: 0 })[2]).toEqual({ step: 'responded', count: 3, ofTargets: null, barPct: 100 });
});

test('shares are rounded to a tenth', () => {
  expect(funnelRows({ targets: 3, contacted: 1, responded: 0, opportunities: 0, won: 0 })[1]).toEqual({ step: 'contacted', count: 1, ofTargets: 33.3, barPct: 33.3 });
});
