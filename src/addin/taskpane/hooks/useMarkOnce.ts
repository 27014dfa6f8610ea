import { useEffect } from 'react';

const marked = new Set<string>();

/**
 * Sets the performance mark `name` the first time `ready` is true after a paint. The pane-load
 * benchmark reads these marks (docs: performance targets); once per page, as the benchmark expects.
 */
export function useMarkOnce(name: string, ready: boolean): void {
  useEffect(() => {
    if (!ready || marked.has(name)) return;
    marked.add(name);
    performance.mark(name);
  }, [name, ready]);
}
