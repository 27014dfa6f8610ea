import type { NoSeriesLine } from '../../../src/domain/number-series';
import { checkLine, previewLine, previewSeries } from '../../../src/console/pages/setup/number-series/number-series-preview';

const line = (values: Partial<NoSeriesLine>): NoSeriesLine => ({
  lineNo: 10000,
  startingDate: null,
  startingNo: 'CT000001',
  endingNo: 'CT999999',
  warningNo: '',
  incrementByNo: 1,
  lastNoUsed: '',
  lastDateUsed: null,
  open: true,
  implementation: 'normal',
  ...values,
});
const series = { code: 'CONT', defaultNos: true, dateOrder: false };

describe("a number series' next number, by the service's rules", () => {
  test('a line never used gives its Starting No.; a used one its Last No. Used counted up by its increment, zeros kept', () => {
    expect(previewSeries(series, [line({})], '2025-03-05')).toEqual({ kind: 'next', no: 'CT000001', lineNo: 10000, warning: false });
    expect(previewSeries(series, [line({ lastNoUsed: 'CT000009', incrementByNo: 5 })], '2025-03-05')).toMatchObject({ no: 'CT000014' });
  });

  test('the line with the latest Starting Date on or before the date gives it', () => {
    const lines = [line({ lineNo: 10000, lastNoUsed: 'CT000500' }), line({ lineNo: 20000, startingDate: '2025-03-01', startingNo: 'CT100001' }), line({ lineNo: 30000, startingDate: '2025-06-01', startingNo: 'CT200001' })];
    expect(previewSeries(series, lines, '2025-03-05')).toEqual({ kind: 'next', no: 'CT100001', lineNo: 20000, warning: false });
    expect(previewSeries(series, lines, '2025-02-28')).toMatchObject({ no: 'CT000501', lineNo: 10000 });
  });

  test('lines are normalised as the service stores them before counting: digit runs padded to one width', () => {
    expect(previewSeries(series, [line({ startingNo: 'CT1', endingNo: 'CT9999', lastNoUsed: 'CT41' })], '2025-03-05')).toMatchObject({ no: 'CT0042' });
  });

  test('from Warning No. on the number comes with the warning; past Ending No. there is none', () => {
    expect(previewSeries(series, [line({ endingNo: 'CT000100', warningNo: 'CT000095', lastNoUsed: 'CT000096' })], '2025-03-05')).toMatchObject({ no: 'CT000097', warning: true });
    expect(previewLine(series, line({ endingNo: 'CT000100', lastNoUsed: 'CT000100', open: false }), '2025-03-05')).toEqual({ kind: 'closed' });
    expect(previewSeries(series, [line({ endingNo: 'CT000100', lastNoUsed: 'CT000099', incrementByNo: 5 })], '2025-03-05')).toEqual({ kind: 'noOpenLine', date: '2025-03-05' });
  });

  test('no number without Default Nos., without lines, with a line not yet valid, or before the first Starting Date', () => {
    expect(previewSeries({ ...series, defaultNos: false }, [line({})], '2025-03-05')).toEqual({ kind: 'noDefaultNos' });
    expect(previewSeries(series, [], '2025-03-05')).toEqual({ kind: 'noLines' });
    expect(previewSeries(series, [line({}), line({ lineNo: 20000, startingNo: 'ABC' })], '2025-03-05')).toEqual({ kind: 'invalidLine', index: 1 });
    expect(previewSeries(series, [line({ startingDate: '2025-04-01' })], '2025-03-05')).toEqual({ kind: 'noOpenLine', date: '2025-03-05' });
  });

  test('Date Order: no number for a date before the last one used', () => {
    expect(previewSeries({ ...series, dateOrder: true }, [line({ lastNoUsed: 'CT000001', lastDateUsed: '2025-03-10' })], '2025-03-05')).toEqual({ kind: 'dateOrder', date: '2025-03-10' });
  });

  test.each([
    [{ incrementByNo: 0 }, { field: 'incrementByNo', kind: 'increment' }],
    [{ startingNo: '' }, { field: 'startingNo', kind: 'required' }],
    [{ endingNo: '', warningNo: 'CT000900' }, { field: 'endingNo', kind: 'endingForWarning' }],
    [{ startingNo: 'CONTACT' }, { field: 'startingNo', kind: 'noDigits' }],
    [{ endingNo: 'XY999999' }, { field: 'endingNo', kind: 'format' }],
    [{ startingNo: 'CT000500', endingNo: 'CT000100' }, { field: 'endingNo', kind: 'startAfterEnd' }],
    [{ lastNoUsed: 'CT0000000000000000001' }, { field: 'lastNoUsed', kind: 'tooLong' }],
  ])('a line with %j is refused, naming the field and why: %j', (values, problem) => {
    expect(checkLine(line(values))).toEqual({ ok: false, problem });
  });
});
