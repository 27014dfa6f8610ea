import { type ComponentType, createElement, lazy, useState } from 'react';

/** A component fetched with its chunk the first time it shows, or earlier by `preload`. */
export type LazyComponent<P extends object> = ComponentType<P> & {
  /** Starts fetching the chunk; resolves when the component can render without suspending. */
  preload(): Promise<void>;
};

/**
 * `export name` of the module `load` fetches, as a component. Once the module has arrived (shown
 * before, or preloaded) the component renders directly instead of through `React.lazy`: a lazy
 * component suspends on its first render even when its chunk is already there, and React holds a
 * boundary's content back for 300 ms after its fallback showed, so the view would come late.
 * Each instance keeps the component it started with, so nothing remounts when the module arrives.
 */
export function lazyComponent<P extends object>(load: () => Promise<Record<string, unknown>>, name: string): LazyComponent<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const fetchComponent = (): Promise<ComponentType<P>> => {
    loading ??= load().then(
      (module) => {
        const component = module[name];
        if (typeof component !== 'function' && typeof component !== 'object') throw new Error(`./${name} has no ${name} export.`);
        loaded = component as ComponentType<P>;
        return loaded;
      },
      (error: unknown) => {
        // A chunk that failed to load (a network blip) is fetched again the next time.
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const ThroughLazy = lazy(async () => ({ default: await fetchComponent() }));

  function Lazy(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? ThroughLazy);
    return createElement(Component, props);
  }
  Lazy.displayName = `Lazy(${name})`;
  return Object.assign(Lazy, { preload: () => fetchComponent().then(() => undefined) });
}
