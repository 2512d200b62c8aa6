import { startTransition, useEffect, useState } from 'react';

import type * as AntdInputsModule from './antd-inputs';

type AntdInputs = typeof AntdInputsModule;

// antd's Select and Input (with the virtual list, overflow, and the form store and validator
// their form context pulls in) were about a fifth of the first route. The first screen shows
// them only at rest, so it draws them with antd's own classes (styled by the first-screen
// stylesheet) and loads the real components once the page is idle, or at once when touched.
let loaded: AntdInputs | undefined;
let loading: Promise<void> | undefined;
const listeners = new Set<() => void>();

/** Loads antd's Select and Input for every deferred box (once). */
export function loadAntdInputs(): Promise<void> {
  loading ??= import('./antd-inputs').then((module) => {
    loaded = module;
    for (const listener of listeners) listener();
  });
  return loading;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Starts loading when the browser is idle, after the first screen has been painted. */
function loadWhenIdle(): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(() => void loadAntdInputs(), { timeout: 3000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(() => void loadAntdInputs(), 200);
  return () => window.clearTimeout(id);
}

/** antd's Select and Input once loaded (undefined before); loading starts when idle. */
export function useAntdInputs(): AntdInputs | undefined {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module) return undefined;
    // The swap to antd's components is a transition: React renders it in short slices, where
    // an external-store update would render it in one long task on a slow phone.
    const swap = () => startTransition(() => setModule(loaded));
    const unsubscribe = subscribe(swap);
    // Loaded between this component's render and this effect.
    if (loaded) swap();
    const cancelIdle = loadWhenIdle();
    return () => {
      unsubscribe();
      cancelIdle();
    };
  }, [module]);
  return module;
}
