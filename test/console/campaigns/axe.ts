import axe from 'axe-core';

/** axe-core's serious and critical violations in `context`, summarised. */
export async function seriousAxeViolations(context: HTMLElement): Promise<string[]> {
  // jsdom computes no styles, so contrast cannot be measured here; the browser test measures it.
  const results = await axe.run(context, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(' | ')}`);
}
