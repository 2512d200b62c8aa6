import { fail } from './errors';
import type { PortRangeList, PrefixList, RegionInfo, StoredGroup, StoredRule } from './types';

/** All mutable emulator data: regions, prefix lists, port-range lists and groups per region. */
export class EmulatorState {
  readonly regions: RegionInfo[] = [];
  readonly prefixLists: PrefixList[] = [];
  readonly portRangeLists: PortRangeList[] = [];
  private readonly groupsByRegion = new Map<string, Map<string, StoredGroup>>();

  addRegion(region: RegionInfo): void {
    this.regions.push(region);
    this.groupsByRegion.set(region.regionId, new Map());
  }

  /** The region, or the ECS 404 for an unknown RegionId. */
  region(regionId: string | undefined): RegionInfo {
    const region = this.regions.find((r) => r.regionId === regionId);
    if (!region) throw fail.regionNotFound();
    return region;
  }

  groups(regionId: string): StoredGroup[] {
    return [...(this.groupsByRegion.get(regionId)?.values() ?? [])];
  }

  findGroup(regionId: string, groupId: string): StoredGroup | undefined {
    return this.groupsByRegion.get(regionId)?.get(groupId);
  }

  /** The group, or the ECS 404 for an unknown SecurityGroupId. */
  group(regionId: string, groupId: string): StoredGroup {
    const group = this.findGroup(regionId, groupId);
    if (!group) throw fail.groupNotFound();
    return group;
  }

  putGroup(group: StoredGroup): void {
    const groups = this.groupsByRegion.get(group.regionId);
    if (!groups) throw fail.regionNotFound();
    groups.set(group.id, group);
  }

  removeGroup(regionId: string, groupId: string): void {
    this.groupsByRegion.get(regionId)?.delete(groupId);
  }

  prefixList(regionId: string, id: string): PrefixList | undefined {
    return this.prefixLists.find((p) => p.regionId === regionId && p.id === id);
  }

  portRangeList(regionId: string, id: string): PortRangeList | undefined {
    return this.portRangeLists.find((p) => p.regionId === regionId && p.id === id);
  }
}

export function isGroupReference(rule: StoredRule): boolean {
  return rule.groupId !== '';
}
