/**
 * The per-network-interface rule quota (ECS-API.md, "Limits, as the current documentation states
 * them"): the rules of all the groups of one ENI, summed, may not pass the limit, and a rule that
 * references a prefix list counts as the list's MaxEntries.
 */
import { EcsApiError } from './errors';
import type { EmulatorState } from './state';
import type { StoredGroup } from './types';

type Weighed = { prefixListId: string };

/** What one rule counts toward the per-ENI quota: 1, or its prefix list's MaxEntries. */
export function ruleWeight(state: EmulatorState, regionId: string, rule: Weighed): number {
  if (rule.prefixListId === '') return 1;
  return state.prefixList(regionId, rule.prefixListId)?.maxEntries ?? 1;
}

function groupWeight(state: EmulatorState, group: StoredGroup): number {
  return group.rules.reduce((sum, rule) => sum + ruleWeight(state, group.regionId, rule), 0);
}

/**
 * Throws when adding `extra` quota units to `group` would take any ENI that uses it past `limit`.
 * ECS-API.md names no code for this quota; the emulator answers the group limit's
 * `AuthorizationLimitExceed` (403), the code ECS gives for "too many rules", with the ENI named.
 */
export function checkEniQuota(
  state: EmulatorState,
  group: StoredGroup,
  extra: number,
  limit: number,
): void {
  if (extra <= 0) return;
  // ENIs of one group share most of their groups: weigh each group once per check.
  const weights = new Map<string, number>();
  const weightOf = (id: string): number => {
    let weight = weights.get(id);
    if (weight === undefined) {
      const found = state.findGroup(group.regionId, id);
      weight = found ? groupWeight(state, found) : 0;
      weights.set(id, weight);
    }
    return weight;
  };
  for (const eni of state.networkInterfacesOf(group.regionId, group.id)) {
    const total = eni.securityGroupIds.reduce((sum, id) => sum + weightOf(id), 0);
    if (total + extra > limit) {
      throw new EcsApiError(
        403,
        'AuthorizationLimitExceed',
        `The rules of the security groups of network interface ${eni.id} would number ${total + extra}, over the limit of ${limit}.`,
      );
    }
  }
}
