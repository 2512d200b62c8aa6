/**
 * The regions DescribeRegions returned, cached. A region ID reaches a signed request only after
 * it matched the pattern AND this list, so no input can steer the SDK to another host.
 */
import type { EcsPort, Region } from '../ecs/ecs-port';
import { REGION_ID_PATTERN } from './contract';
import { ApiHttpError, validationError } from './errors';

const TTL_MS = 10 * 60 * 1000;

export interface RegionRegistry {
  list(language?: 'en-US' | 'zh-CN'): Promise<Region[]>;
  /** Throws 400 for a malformed ID, 404 `InvalidRegionId.NotFound` for one ECS did not list. */
  assertKnown(regionId: string): Promise<void>;
}

export function createRegionRegistry(ecs: EcsPort, now: () => number = Date.now): RegionRegistry {
  const cache = new Map<string, { at: number; regions: Region[] }>();
  const list = async (language: 'en-US' | 'zh-CN' = 'en-US') => {
    const hit = cache.get(language);
    if (hit !== undefined && now() - hit.at < TTL_MS) return hit.regions;
    const regions = await ecs.describeRegions(language);
    cache.set(language, { at: now(), regions });
    return regions;
  };
  return {
    list,
    async assertKnown(regionId) {
      if (!REGION_ID_PATTERN.test(regionId)) throw validationError('region', 'is not a region ID');
      // Known IDs do not depend on the display language; any cached list answers.
      const cached = [...cache.values()].find((entry) => now() - entry.at < TTL_MS);
      const regions = cached?.regions ?? (await list());
      if (!regions.some((r) => r.regionId === regionId)) {
        throw new ApiHttpError(
          404,
          'InvalidRegionId.NotFound',
          `The region ${regionId} does not exist or is not available to this account.`,
          {
            field: 'region',
          },
        );
      }
    },
  };
}
