import { sharedQueries } from '../../../lib/shared-queries';

export const ruleQueries = {
  /** A group with all its rules. */
  ofGroup: (region: string, groupId: string) => sharedQueries.groupDetail(region, groupId),
  /** The region's groups, to show referenced groups by name. */
  groupNames: (region: string) => sharedQueries.allGroups(region),
};
