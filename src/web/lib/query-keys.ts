import type { PreviewParams } from '../../server/contract';

/** Search, VPC filter and NextToken of one page of the groups list. */
export interface GroupListFilters {
  search: string;
  vpcId: string;
  nextToken: string;
}

const root = ['api'] as const;

/**
 * Every query key of the app, from one root, generic to specific: a key is the key of what it
 * belongs to plus what makes it specific, so invalidating a prefix reaches everything below it
 * (a region's groups: its list pages, every group's rules and the previews of each source). It
 * lives here so one feature can refresh what another shows without importing it.
 */
export const queryKeys = {
  all: root,
  session: () => [...root, 'session'] as const,
  regions: (language: string) => [...root, 'regions', language] as const,
  groupsOf: (region: string) => [...root, 'groups', region] as const,
  groupPage: (region: string, filters: GroupListFilters) =>
    [...queryKeys.groupsOf(region), 'page', filters] as const,
  allGroups: (region: string) => [...queryKeys.groupsOf(region), 'all'] as const,
  group: (region: string, groupId: string) =>
    [...queryKeys.groupsOf(region), 'detail', groupId] as const,
  usage: (region: string, groupId: string) =>
    [...queryKeys.group(region, groupId), 'usage'] as const,
  previewsOf: (region: string, sourceId: string) =>
    [...queryKeys.group(region, sourceId), 'preview'] as const,
  preview: (region: string, sourceId: string, params: PreviewParams) =>
    [...queryKeys.previewsOf(region, sourceId), params] as const,
  restores: () => [...root, 'restores'] as const,
  restoreLists: () => [...queryKeys.restores(), 'list'] as const,
  restoreList: (filter: { limit: number; sourceId?: string }) =>
    [...queryKeys.restoreLists(), filter] as const,
  restore: (restoreId: string) => [...queryKeys.restores(), 'detail', restoreId] as const,
  followUpPreview: (restoreId: string, kind: 'undo' | 'rollback' | 'retry') =>
    [...queryKeys.restore(restoreId), `${kind}-preview`] as const,
  timeline: (region: string, groupId: string) =>
    [...queryKeys.group(region, groupId), 'timeline'] as const,
  compare: (region: string, groupId: string, from: string, to: string) =>
    [...queryKeys.group(region, groupId), 'compare', from, to] as const,
  watches: () => [...root, 'watches'] as const,
};
