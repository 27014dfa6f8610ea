import fs from 'node:fs';
import path from 'node:path';

/** One measured figure against its goal. `better` says which direction meets the goal. */
export type Figure = { name: string; value: number; unit: string; goal: number; better: 'lower' | 'higher' };

export const percentile = (samples: readonly number[], p: number): number => {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
};

const meets = (figure: Figure) => (figure.better === 'lower' ? figure.value <= figure.goal : figure.value >= figure.goal);

/**
 * Prints one line per figure, `name value unit (goal X) ok|MISSED`, and writes
 * bench/results/<benchmark>.json with the figures and the conditions they were taken under.
 */
export function report(benchmark: string, figures: readonly Figure[], conditions: Record<string, unknown> = {}): void {
  for (const figure of figures) {
    const value = Number.isInteger(figure.value) ? String(figure.value) : figure.value.toFixed(2);
    const relation = figure.better === 'lower' ? '≤' : '≥';
    process.stdout.write(`${figure.name} ${value} ${figure.unit} (goal ${relation} ${figure.goal} ${figure.unit}) ${meets(figure) ? 'ok' : 'MISSED'}\n`);
  }
  const directory = path.resolve(__dirname, '../results');
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(
    path.join(directory, `${benchmark}.json`),
    `${JSON.stringify({ benchmark, takenAt: new Date().toISOString(), node: process.version, conditions, figures: figures.map((f) => ({ ...f, met: meets(f) })) }, null, 2)}\n`,
  );
}
