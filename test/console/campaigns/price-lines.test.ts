import { z } from 'zod';
import { priceLineBodySchema } from '../../../src/contract/campaigns';
import { draftLinesOf, linesToSend, newLine, placeLineProblems, type PriceLineDraft, sameLines } from '../../../src/console/pages/campaign-card/price-lines';

const saved = draftLinesOf([
  { lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 379, lineDiscountPct: 0, startingDate: '2025-03-01', endingDate: null },
  { lineNo: 4, kind: 'discount', itemNo: '1100', minimumQuantity: 20, unitPrice: 0, lineDiscountPct: 8, startingDate: '2025-03-01', endingDate: null },
]);
const edited = (index: number, change: Partial<PriceLineDraft>) => saved.map((line, at) => (at === index ? { ...line, ...change } : line));

test('the saved lines are sent back as they were, without their dates (they are the campaign’s)', () => {
  const { lines, problems } = linesToSend(saved);
  expect(problems).toEqual([]);
  expect(lines).toEqual([
    { lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 379, lineDiscountPct: 0 },
    { lineNo: 4, kind: 'discount', itemNo: '1100', minimumQuantity: 20, unitPrice: 0, lineDiscountPct: 8 },
  ]);
  expect(z.array(priceLineBodySchema).safeParse(lines).success).toBe(true);
});

test('a new line takes the next Line No. after the highest, and starts as a price of 0 without an item', () => {
  expect(newLine(saved)).toEqual({ key: 'new-5', lineNo: 5, kind: 'price', itemNo: '', minimumQuantity: '0', unitPrice: '0', lineDiscountPct: '0' });
  expect(newLine([]).lineNo).toBe(1);
});

test.each([
  ['a decimal comma', { unitPrice: '12,5' }, 0, { unitPrice: 12.5 }],
  ['a decimal point and spaces', { unitPrice: ' 12.75 ' }, 0, { unitPrice: 12.75 }],
  ['a discount line’s unit price, typed before its kind was changed', { kind: 'discount' as const, unitPrice: '99', lineDiscountPct: '5' }, 0, { kind: 'discount', unitPrice: 0, lineDiscountPct: 5 }],
  ['a price line’s discount', { lineDiscountPct: '7' }, 0, { lineDiscountPct: 0 }],
])('%s is sent as %j', (_case, change, index, expected) => {
  expect(linesToSend(edited(index, change)).lines[index]).toMatchObject(expected);
});

test.each([
  ['no item', { itemNo: ' ' }, [{ path: 'lines.0.itemNo', problem: 'itemRequired' }]],
  ['a unit price that is no number', { unitPrice: 'cheap' }, [{ path: 'lines.0.unitPrice', problem: 'notNumber' }]],
  ['a blank minimum quantity', { minimumQuantity: '' }, [{ path: 'lines.0.minimumQuantity', problem: 'notNumber' }]],
  ['a number with two marks', { unitPrice: '1.000,50' }, [{ path: 'lines.0.unitPrice', problem: 'notNumber' }]],
  // Only the amount the kind uses is read: a price line's discount column is not its business.
  ['a discount that is no number on a price line', { lineDiscountPct: 'x' }, []],
])('%s cannot be sent', (_case, change, problems) => {
  expect(linesToSend(edited(0, change)).problems).toEqual(problems);
});

test('lines are the same when only how a number or item was typed differs in spaces; an order, a kind or an amount makes them differ', () => {
  expect(sameLines(saved, draftLinesOf([{ lineNo: 1, kind: 'price', itemNo: '1000', minimumQuantity: 0, unitPrice: 379, lineDiscountPct: 0, startingDate: null, endingDate: null }, { lineNo: 4, kind: 'discount', itemNo: '1100', minimumQuantity: 20, unitPrice: 0, lineDiscountPct: 8, startingDate: null, endingDate: null }]))).toBe(true);
  expect(sameLines(saved, edited(0, { itemNo: '1000 ' }))).toBe(true);
  expect(sameLines(saved, edited(0, { unitPrice: '380' }))).toBe(false);
  expect(sameLines(saved, edited(1, { kind: 'price' }))).toBe(false);
  expect(sameLines(saved, [...saved].reverse())).toBe(false);
  expect(sameLines(saved, saved.slice(1))).toBe(false);
});

test('the service’s problems are placed at the input of their line and column, at the line, or with the message', () => {
  const placed = placeLineProblems([
    { path: 'lines.1.lineDiscountPct', message: 'Line Discount % must be above 0 and at most 100.' },
    { path: 'lines[2].itemNo', message: 'No such item.' },
    { path: 'lines.0.startingDate', message: 'Starting Date of a campaign’s price line is the campaign’s.' },
    { path: 'lines.3', message: 'Expected object.' },
    { path: 'lines', message: 'Too many lines.' },
  ]);
  expect(placed.atInputs).toEqual(
    new Map([
      ['lines.1.lineDiscountPct', 'Line Discount % must be above 0 and at most 100.'],
      ['lines.2.itemNo', 'No such item.'],
    ]),
  );
  expect(placed.atLines).toEqual(
    new Map([
      [0, ['Starting Date of a campaign’s price line is the campaign’s.']],
      [3, ['Expected object.']],
    ]),
  );
  expect(placed.elsewhere).toEqual(['Too many lines.']);
});
