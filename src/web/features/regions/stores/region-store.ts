import { create } from 'zustand';
import { persist } from 'zustand/middleware';

/** The default when nothing is remembered and the URL names no region. */
export const DEFAULT_REGION = 'cn-hangzhou';

interface RegionState {
  lastRegion: string;
  actions: { regionChosen: (region: string) => void };
}

// The URL holds the region in use; this store only remembers the last one across visits.
const useRegionStore = create<RegionState>()(
  persist(
    (set) => ({
      lastRegion: DEFAULT_REGION,
      actions: { regionChosen: (region) => set({ lastRegion: region }) },
    }),
    { name: 'restore-console.region', partialize: (state) => ({ lastRegion: state.lastRegion }) },
  ),
);

export const useLastRegion = () => useRegionStore((state) => state.lastRegion);
export const useRegionActions = () => useRegionStore((state) => state.actions);

/** The remembered region, read outside React (the first screen's requests start before it). */
export const rememberedRegion = () => useRegionStore.getState().lastRegion;

/** Forgets the remembered region (back to the store's initial state); for tests. */
export const resetRegionStore = () =>
  useRegionStore.setState(useRegionStore.getInitialState(), true);
