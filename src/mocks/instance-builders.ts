/**
 * Instances and network interfaces, built from compact specs for the seed and for tests. IDs,
 * addresses and MACs derive from the names, so the same seed always gives the same data.
 */
import { hash32, stableId } from './ids';
import type { EmulatorState } from './state';
import type { RegionInfo, StoredInstance, StoredNetworkInterface } from './types';

export interface InstanceSpec {
  name: string;
  /** Group IDs of the primary ENI, in order; the first one decides the VPC. */
  securityGroupIds: string[];
  status?: 'Running' | 'Stopped';
  created: string;
  instanceType?: string;
  id?: string;
}

export interface NetworkInterfaceSpec {
  name: string;
  securityGroupIds: string[];
  /** Attached to this instance ID; unattached (Available) when absent. */
  instanceId?: string;
  created: string;
  id?: string;
}

const zoneOf = (region: RegionInfo): string =>
  region.regionId === 'cn-hangzhou' ? 'cn-hangzhou-h' : `${region.regionId}-a`;

function addressesFor(key: string, classic: boolean): { ip: string; mac: string } {
  const h = hash32(key);
  const byte = (shift: number) => (h >>> shift) & 0xff;
  return {
    ip: classic
      ? `10.${byte(0) % 200}.${byte(8)}.${(byte(16) % 250) + 2}`
      : `172.16.${byte(8)}.${(byte(16) % 250) + 2}`,
    mac: `00:16:3e:${[byte(0), byte(8), byte(16)].map((b) => b.toString(16).padStart(2, '0')).join(':')}`,
  };
}

function vpcOfGroups(state: EmulatorState, regionId: string, groupIds: string[]): string {
  const first = groupIds[0];
  if (first === undefined) throw new Error('an ENI needs at least one security group');
  return state.group(regionId, first).vpcId;
}

/** Adds an ENI and returns it; its VPC is its first group's. */
export function putNetworkInterface(
  state: EmulatorState,
  region: RegionInfo,
  spec: NetworkInterfaceSpec & { type?: 'Primary' | 'Secondary' },
): StoredNetworkInterface {
  const vpcId = vpcOfGroups(state, region.regionId, spec.securityGroupIds);
  const id = spec.id ?? stableId(`eni-${region.idPrefix}`, `${region.regionId}/eni/${spec.name}`);
  const { ip, mac } = addressesFor(id, vpcId === '');
  const eni: StoredNetworkInterface = {
    id,
    regionId: region.regionId,
    name: spec.name,
    type: spec.type ?? 'Secondary',
    instanceId: spec.instanceId ?? '',
    status: spec.instanceId ? 'InUse' : 'Available',
    vpcId,
    vSwitchId:
      vpcId === '' ? '' : stableId(`vsw-${region.idPrefix}1`, `${vpcId}/vsw/${zoneOf(region)}`, 21),
    zoneId: zoneOf(region),
    macAddress: mac,
    privateIpAddress: ip,
    creationTime: spec.created,
    securityGroupIds: [...spec.securityGroupIds],
  };
  state.networkInterfaces.push(eni);
  return eni;
}

/** Adds an instance with its primary ENI (which carries the instance's groups). */
export function putInstance(
  state: EmulatorState,
  region: RegionInfo,
  spec: InstanceSpec,
): StoredInstance {
  const id = spec.id ?? stableId(`i-${region.idPrefix}`, `${region.regionId}/i/${spec.name}`);
  const primary = putNetworkInterface(state, region, {
    name: '',
    securityGroupIds: spec.securityGroupIds,
    instanceId: id,
    created: spec.created,
    type: 'Primary',
    id: stableId(`eni-${region.idPrefix}`, `${region.regionId}/eni/primary/${id}`),
  });
  const instance: StoredInstance = {
    id,
    regionId: region.regionId,
    name: spec.name,
    status: spec.status ?? 'Running',
    zoneId: zoneOf(region),
    instanceType: spec.instanceType ?? 'ecs.g7.large',
    creationTime: spec.created,
    primaryNetworkInterfaceId: primary.id,
  };
  state.instances.push(instance);
  return instance;
}
