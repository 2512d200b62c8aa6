/**
 * Root query keys shared by features, so one feature can invalidate what another shows without
 * importing it (a restore refreshes the group list and the rules page).
 */
export const queryRoots = {
  session: ['session'] as const,
  regions: ['regions'] as const,
  securityGroups: ['security-groups'] as const,
  securityGroupsOf: (region: string) => ['security-groups', region] as const,
  restores: ['restores'] as const,
};
