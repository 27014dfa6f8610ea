import fs from 'node:fs';
import type { CDPSession } from 'playwright-core';

/** The parts of a V8 CPU profile (CDP `Profiler.Profile`) the summary reads. */
type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number; endTime: number };

export type ProfileLine = { frame: string; selfMs: number; totalMs: number };

/** Starts V8's sampling profiler in the page behind `cdp`. */
export async function startCpuProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 250 });
  await cdp.send('Profiler.start');
}

/**
 * Stops the profiler, writes the profile to `file` (loadable in Chrome DevTools' Performance
 * panel) and returns the functions with the most self time and those with the most inclusive time.
 */
export async function stopCpuProfile(cdp: CDPSession, file: string, top = 25): Promise<{ bySelf: ProfileLine[]; byTotal: ProfileLine[] }> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  fs.writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

  const frameOf = (node: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url ? `${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : ''}`.trim();
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, us] of selfUs) {
    const node = byId.get(id);
    if (!node) continue;
    self.set(frameOf(node), (self.get(frameOf(node)) ?? 0) + us);
    // Inclusive time: each frame once per sample, however often it recurs on the stack.
    const seen = new Set<string>();
    for (let cursor: number | undefined = id; cursor !== undefined; cursor = parent.get(cursor)) {
      const ancestor = byId.get(cursor);
      if (!ancestor) break;
      const frame = frameOf(ancestor);
      if (seen.has(frame)) continue;
      seen.add(frame);
      total.set(frame, (total.get(frame) ?? 0) + us);
    }
  }
  const line = (frame: string): ProfileLine => ({ frame, selfMs: Math.round((self.get(frame) ?? 0) / 1000), totalMs: Math.round((total.get(frame) ?? 0) / 1000) });
  const topOf = (times: Map<string, number>) =>
    [...times.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([frame]) => line(frame));
  return { bySelf: topOf(self), byTotal: topOf(total) };
}
