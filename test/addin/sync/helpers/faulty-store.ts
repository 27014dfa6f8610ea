import type { LocalStore } from '../../../../src/addin/cache/local-store';

type Method = { [K in keyof LocalStore]: LocalStore[K] extends (...args: never[]) => unknown ? K : never }[keyof LocalStore];

/**
 * A view of a real store whose chosen methods fail (or answer otherwise) while an override is set,
 * for the failures the memory store cannot produce by itself (a full disk, a granted persistence).
 * Every other call goes to the store unchanged.
 */
export type FaultyStore = LocalStore & {
  override<M extends Method>(method: M, replacement: LocalStore[M] | undefined): void;
  calls(method: Method): number;
};

export function withFaults(store: LocalStore): FaultyStore {
  const overrides = new Map<Method, unknown>();
  const counts = new Map<Method, number>();
  const extra = {
    override: (method: Method, replacement: unknown) => (replacement === undefined ? overrides.delete(method) : overrides.set(method, replacement)),
    calls: (method: Method) => counts.get(method) ?? 0,
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property in extra) return extra[property as keyof typeof extra];
      const method = property as Method;
      const replacement = overrides.get(method);
      const original: unknown = Reflect.get(target, property, receiver);
      if (typeof original !== 'function') return original;
      return (...args: unknown[]) => {
        counts.set(method, (counts.get(method) ?? 0) + 1);
        const chosen = (replacement ?? original) as (...args: unknown[]) => unknown;
        // The memory store keeps its state in private fields, which only the store itself may read.
        return chosen.apply(target, args);
      };
    },
  }) as FaultyStore;
}
