/** The SPA's URLs, in one place so features can link to each other's pages without importing them. */
export const paths = {
  groups: (region: string, extra?: Record<string, string>) =>
    `/security-groups?${new URLSearchParams({ region, ...extra }).toString()}`,
  rules: (region: string, groupId: string) =>
    `/security-groups/${encodeURIComponent(groupId)}/rules?${new URLSearchParams({ region }).toString()}`,
  timeline: (region: string, groupId: string) =>
    `/security-groups/${encodeURIComponent(groupId)}/timeline?${new URLSearchParams({ region }).toString()}`,
  history: () => '/history',
  restore: (restoreId: string) => `/history/${encodeURIComponent(restoreId)}`,
  protectedSources: () => '/settings/protected-sources',
};
