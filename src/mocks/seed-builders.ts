import { stableId } from './ids';
import { putInstance, putNetworkInterface } from './instance-builders';
import type { EmulatorState } from './state';
import type { PortRangeList, PrefixList, RegionInfo, StoredGroup, StoredRule } from './types';

/**
 * Compact rule notation for the seed tables. `peer`: an IPv4 CIDR, an IPv6 CIDR (has ':'),
 * `pl:<prefix list name>` or `sg:<group name in the same region>`.
 */
export interface SeedRule {
  dir: 'in' | 'out';
  proto: 'ALL' | 'TCP' | 'UDP' | 'ICMP' | 'ICMPv6' | 'GRE';
  ports?: string;
  peer: string;
  policy?: 'Accept' | 'Drop';
  priority?: number;
  desc?: string;
  nic?: 'internet' | 'intranet';
  local?: string;
  srcPorts?: string;
  portList?: string;
}

export interface SeedGroup {
  name: string;
  /** A VPC key of the region's VPC table, or '' for the classic network. */
  vpc: string;
  type?: 'normal' | 'enterprise';
  desc?: string;
  created: string;
  serviceManaged?: boolean;
  tags?: Record<string, string>;
  rules: SeedRule[];
}

export interface SeedPrefixList {
  name: string;
  family: 'IPv4' | 'IPv6';
  maxEntries: number;
  desc?: string;
  created: string;
  entries: Array<{ cidr: string; desc?: string }>;
}

/** An instance; `groups` are group names of the region, the first one decides the VPC. */
export interface SeedInstance {
  name: string;
  groups: string[];
  status?: 'Running' | 'Stopped';
  created: string;
  type?: string;
}

/** A secondary ENI; `instance` names the instance it is attached to (none: Available). */
export interface SeedNetworkInterface {
  name: string;
  groups: string[];
  instance?: string;
  created: string;
}

export interface SeedRegion {
  info: RegionInfo;
  vpcs: string[];
  prefixLists?: SeedPrefixList[];
  portRangeLists?: string[];
  groups: SeedGroup[];
  instances?: SeedInstance[];
  networkInterfaces?: SeedNetworkInterface[];
}

export const vpcIdFor = (region: RegionInfo, key: string): string =>
  stableId(`vpc-${region.idPrefix}1`, `${region.regionId}/vpc/${key}`, 21);

export const groupIdFor = (region: RegionInfo, name: string): string =>
  stableId(`sg-${region.idPrefix}`, `${region.regionId}/sg/${name}`);

const addMinutes = (iso: string, minutes: number): string =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Loads one region's tables into the state; group names referenced by `sg:` resolve in the region. */
export function loadSeedRegion(
  state: EmulatorState,
  seed: SeedRegion,
  resourceGroupId: string,
): void {
  const { info } = seed;
  state.addRegion(info);
  for (const key of seed.vpcs)
    state.vpcs.push({ id: vpcIdFor(info, key), regionId: info.regionId });
  for (const pl of seed.prefixLists ?? []) {
    const prefixList: PrefixList = {
      id: stableId(`pl-${info.idPrefix}`, `${info.regionId}/pl/${pl.name}`),
      regionId: info.regionId,
      name: pl.name,
      addressFamily: pl.family,
      maxEntries: pl.maxEntries,
      description: pl.desc ?? '',
      creationTime: pl.created,
      entries: pl.entries.map((e) => ({ cidr: e.cidr, description: e.desc ?? '' })),
    };
    state.prefixLists.push(prefixList);
  }
  for (const name of seed.portRangeLists ?? []) {
    const list: PortRangeList = {
      id: stableId(`prl-${info.idPrefix}`, `${info.regionId}/prl/${name}`),
      regionId: info.regionId,
      name,
    };
    state.portRangeLists.push(list);
  }
  const lookup = (kind: string, name: string, found: string | undefined): string => {
    if (found === undefined) throw new Error(`seed: unknown ${kind} "${name}" in ${info.regionId}`);
    return found;
  };
  for (const g of seed.groups) {
    const group: StoredGroup = {
      id: groupIdFor(info, g.name),
      regionId: info.regionId,
      name: g.name,
      description: g.desc ?? '',
      vpcId:
        g.vpc === ''
          ? ''
          : vpcIdFor(
              info,
              lookup(
                'vpc',
                g.vpc,
                seed.vpcs.find((v) => v === g.vpc),
              ),
            ),
      type: g.type ?? 'normal',
      creationTime: g.created,
      serviceManaged: g.serviceManaged ?? false,
      resourceGroupId,
      innerAccessPolicy: 'Accept',
      tags: Object.entries(g.tags ?? {}).map(([key, value]) => ({ key, value })),
      rules: [],
    };
    state.putGroup(group);
  }
  for (const g of seed.groups) {
    const group = state.group(info.regionId, groupIdFor(info, g.name));
    group.rules = g.rules.map((r, index): StoredRule => {
      const isIpv6 = !r.peer.startsWith('pl:') && !r.peer.startsWith('sg:') && r.peer.includes(':');
      const groupName = r.peer.startsWith('sg:') ? r.peer.slice(3) : '';
      const plName = r.peer.startsWith('pl:') ? r.peer.slice(3) : '';
      const isVpc = group.vpcId !== '';
      return {
        id: stableId(`sgr-${info.idPrefix}`, `${group.id}/${index}`),
        direction: r.dir === 'in' ? 'ingress' : 'egress',
        ipProtocol: r.proto,
        portRange: r.ports ?? '-1/-1',
        sourcePortRange: r.srcPorts ?? '',
        policy: r.policy ?? 'Accept',
        priority: String(r.priority ?? 1),
        nicType: isVpc || groupName ? 'intranet' : (r.nic ?? 'internet'),
        cidr: !isIpv6 && !groupName && !plName ? r.peer : '',
        ipv6Cidr: isIpv6 ? r.peer : '',
        groupId: groupName
          ? lookup(
              'group',
              groupName,
              state.groups(info.regionId).find((x) => x.name === groupName)?.id,
            )
          : '',
        groupOwnerAccount: '',
        prefixListId: plName
          ? lookup(
              'prefix list',
              plName,
              state.prefixLists.find((p) => p.regionId === info.regionId && p.name === plName)?.id,
            )
          : '',
        localCidr: r.local ?? '',
        ipv6LocalCidr: '',
        portRangeListId: r.portList
          ? lookup(
              'port range list',
              r.portList,
              state.portRangeLists.find(
                (p) => p.regionId === info.regionId && p.name === r.portList,
              )?.id,
            )
          : '',
        description: r.desc ?? '',
        createTime: addMinutes(g.created, index + 1),
      };
    });
  }
}

/** Loads the region's instances (each with its primary ENI) and secondary ENIs, by group name. */
export function loadSeedInstances(state: EmulatorState, seed: SeedRegion): void {
  const { info } = seed;
  const groupIds = (names: string[]) =>
    names.map((name) => {
      const id = groupIdFor(info, name);
      if (!state.findGroup(info.regionId, id))
        throw new Error(`seed: unknown group "${name}" in ${info.regionId}`);
      return id;
    });
  const byName = new Map<string, string>();
  for (const i of seed.instances ?? []) {
    const instance = putInstance(state, info, {
      name: i.name,
      securityGroupIds: groupIds(i.groups),
      created: i.created,
      ...(i.status ? { status: i.status } : {}),
      ...(i.type ? { instanceType: i.type } : {}),
    });
    byName.set(i.name, instance.id);
  }
  for (const n of seed.networkInterfaces ?? []) {
    const instanceId = n.instance === undefined ? undefined : byName.get(n.instance);
    if (n.instance !== undefined && instanceId === undefined)
      throw new Error(`seed: unknown instance "${n.instance}" in ${info.regionId}`);
    putNetworkInterface(state, info, {
      name: n.name,
      securityGroupIds: groupIds(n.groups),
      created: n.created,
      ...(instanceId ? { instanceId } : {}),
    });
  }
}

/** `count` similar rules: the generator gets 0..count-1. */
export function generateRules(count: number, make: (i: number) => SeedRule): SeedRule[] {
  return Array.from({ length: count }, (_, i) => make(i));
}
