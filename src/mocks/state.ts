import { fail } from './errors';
import type {
  PortRangeList,
  PrefixList,
  RegionInfo,
  StoredGroup,
  StoredInstance,
  StoredNetworkInterface,
  StoredRule,
  VpcInfo,
} from './types';

/** All mutable emulator data: regions, VPCs, prefix and port-range lists, groups, instances and ENIs. */
export class EmulatorState {
  readonly regions: RegionInfo[] = [];
  readonly vpcs: VpcInfo[] = [];
  readonly prefixLists: PrefixList[] = [];
  readonly portRangeLists: PortRangeList[] = [];
  /** In creation order, which is the order DescribeInstances returns. */
  readonly instances: StoredInstance[] = [];
  /** In creation order, which is the order DescribeNetworkInterfaces returns. */
  readonly networkInterfaces: StoredNetworkInterface[] = [];
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

  /** Whether a VPC of this ID exists in the region (a seeded VPC, or one a group already uses). */
  hasVpc(regionId: string, vpcId: string): boolean {
    return (
      this.vpcs.some((v) => v.regionId === regionId && v.id === vpcId) ||
      this.groups(regionId).some((g) => g.vpcId === vpcId)
    );
  }

  prefixList(regionId: string, id: string): PrefixList | undefined {
    return this.prefixLists.find((p) => p.regionId === regionId && p.id === id);
  }

  portRangeList(regionId: string, id: string): PortRangeList | undefined {
    return this.portRangeLists.find((p) => p.regionId === regionId && p.id === id);
  }

  networkInterface(regionId: string, id: string): StoredNetworkInterface | undefined {
    return this.networkInterfaces.find((n) => n.regionId === regionId && n.id === id);
  }

  /** Every ENI of the region, primary or secondary, that has this group. */
  networkInterfacesOf(regionId: string, groupId: string): StoredNetworkInterface[] {
    return this.networkInterfaces.filter(
      (n) => n.regionId === regionId && n.securityGroupIds.includes(groupId),
    );
  }
}

export function isGroupReference(rule: StoredRule): boolean {
  return rule.groupId !== '';
}
