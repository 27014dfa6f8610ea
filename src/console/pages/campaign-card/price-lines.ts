import type { z } from 'zod';
import type { priceLineSchema } from '../../../contract/campaigns';
import type { FieldProblem } from '../../../contract/problem';
import type { PriceLineBody } from '../../queries/campaigns';

type PriceLine = z.output<typeof priceLineSchema>;

export type PriceLineKind = PriceLine['kind'];

/** A typed column of a line; the dates are the campaign's and are not typed. */
export type PriceLineColumn = 'kind' | 'itemNo' | 'minimumQuantity' | 'unitPrice' | 'lineDiscountPct';

/**
 * A line as the editor holds it: numbers as typed, and its Line No., which is kept as it was (a
 * new line takes the next after the highest). `key` tells the lines apart while they are edited.
 */
export type PriceLineDraft = {
  readonly key: string;
  readonly lineNo: number;
  readonly kind: PriceLineKind;
  readonly itemNo: string;
  readonly minimumQuantity: string;
  readonly unitPrice: string;
  readonly lineDiscountPct: string;
};

/** Why a line cannot be sent as typed; the service's rules (a discount above 100 %, an unknown item) come back from it. */
export type LineProblem = 'itemRequired' | 'notNumber';

export const draftLinesOf = (lines: readonly PriceLine[]): PriceLineDraft[] =>
  lines.map((line) => ({
    key: `saved-${line.lineNo}`,
    lineNo: line.lineNo,
    kind: line.kind,
    itemNo: line.itemNo,
    minimumQuantity: String(line.minimumQuantity),
    unitPrice: String(line.unitPrice),
    lineDiscountPct: String(line.lineDiscountPct),
  }));

/** A new price line after `lines`: the next Line No., no item yet, quantity and amounts 0. */
export function newLine(lines: readonly PriceLineDraft[]): PriceLineDraft {
  const lineNo = Math.max(0, ...lines.map((line) => line.lineNo)) + 1;
  return { key: `new-${lineNo}`, lineNo, kind: 'price', itemNo: '', minimumQuantity: '0', unitPrice: '0', lineDiscountPct: '0' };
}

/** The column a line's kind prices by: a price line's Unit Price, a discount line's Line Discount %. */
export const amountColumn = (kind: PriceLineKind): 'unitPrice' | 'lineDiscountPct' => (kind === 'price' ? 'unitPrice' : 'lineDiscountPct');

// Either decimal mark: the console's users write 12,5 as often as 12.5.
const DECIMAL = /^-?\d+([.,]\d+)?$/;
const parseDecimal = (typed: string): number | null => {
  const value = typed.trim();
  return DECIMAL.test(value) ? Number(value.replace(',', '.')) : null;
};

/** A problem of a line's column, by its path in the PUT body (`lines.2.unitPrice`), as the service names them. */
export type PlacedLineProblem = { path: string; problem: LineProblem };

/**
 * What saving the lines sends (`PUT …/price-lines`), or why it cannot be sent. The dates are left
 * out: a line takes its campaign's. The amount a line's kind does not use is sent as 0, so a
 * discount line keeps no unit price typed before its kind was changed.
 */
export function linesToSend(lines: readonly PriceLineDraft[]): { lines: PriceLineBody[]; problems: PlacedLineProblem[] } {
  const problems: PlacedLineProblem[] = [];
  const body = lines.map((line, index) => {
    if (line.itemNo.trim() === '') problems.push({ path: `lines.${index}.itemNo`, problem: 'itemRequired' });
    const number = (column: 'minimumQuantity' | 'unitPrice' | 'lineDiscountPct'): number => {
      if (column !== 'minimumQuantity' && column !== amountColumn(line.kind)) return 0;
      const parsed = parseDecimal(line[column]);
      if (parsed === null) problems.push({ path: `lines.${index}.${column}`, problem: 'notNumber' });
      return parsed ?? 0;
    };
    return {
      lineNo: line.lineNo,
      kind: line.kind,
      itemNo: line.itemNo.trim(),
      minimumQuantity: number('minimumQuantity'),
      unitPrice: number('unitPrice'),
      lineDiscountPct: number('lineDiscountPct'),
    };
  });
  return { lines: body, problems };
}

/** Whether the lines as edited are the lines as saved: same order, kinds, items and amounts. */
export function sameLines(a: readonly PriceLineDraft[], b: readonly PriceLineDraft[]): boolean {
  const wire = (lines: readonly PriceLineDraft[]) => JSON.stringify(lines.map(({ key: _key, ...line }) => ({ ...line, itemNo: line.itemNo.trim() })));
  return wire(a) === wire(b);
}

const COLUMNS: ReadonlySet<string> = new Set<PriceLineColumn>(['kind', 'itemNo', 'minimumQuantity', 'unitPrice', 'lineDiscountPct']);

/**
 * The service's problems placed at the lines: `lines.2.unitPrice` (or `lines[2].unitPrice`) at
 * that line's input; one about a line but no column of it (its dates, the line as a whole) with
 * the line; the rest with the section's message.
 */
export function placeLineProblems(problems: readonly FieldProblem[]): { atInputs: Map<string, string>; atLines: Map<number, string[]>; elsewhere: string[] } {
  const atInputs = new Map<string, string>();
  const atLines = new Map<number, string[]>();
  const elsewhere: string[] = [];
  for (const problem of problems) {
    const path = problem.path.replace(/\[(\d+)\]/g, '.$1');
    const match = /^lines\.(\d+)(?:\.(.+))?$/.exec(path);
    if (match === null) {
      elsewhere.push(problem.message);
    } else if (match[2] !== undefined && COLUMNS.has(match[2])) {
      if (!atInputs.has(path)) atInputs.set(path, problem.message);
    } else {
      const index = Number(match[1]);
      atLines.set(index, [...(atLines.get(index) ?? []), problem.message]);
    }
  }
  return { atInputs, atLines, elsewhere };
}
