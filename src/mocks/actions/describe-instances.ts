import { EcsApiError } from '../errors';
import { required } from '../params';
import type { EmulatorState } from '../state';
import type { Params, StoredInstance, StoredNetworkInterface } from '../types';
import type { Action } from './context';
import { jsonIdList } from './id-list-param';
import { listPage } from './list-paging';
import { newestFirst } from './newest-first';

const STATUSES = new Set(['Pending', 'Running', 'Starting', 'Stopping', 'Stopped']);

function enisOf(state: EmulatorState, instance: StoredInstance): StoredNetworkInterface[] {
  const all = state.networkInterfaces.filter(
    (n) => n.regionId === instance.regionId && n.instanceId === instance.id,
  );
  // The primary ENI first, then the attached secondary ones in the order they were attached.
  return [...all.filter((n) => n.type === 'Primary'), ...all.filter((n) => n.type !== 'Primary')];
}

function primaryOf(state: EmulatorState, instance: StoredInstance): StoredNetworkInterface {
  const eni = state.networkInterface(instance.regionId, instance.primaryNetworkInterfaceId);
  if (!eni) throw new Error(`instance ${instance.id} has no primary ENI`);
  return eni;
}

function matches(
  state: EmulatorState,
  instance: StoredInstance,
  params: Params,
  instanceIds: string[] | undefined,
): boolean {
  const primary = primaryOf(state, instance);
  const { SecurityGroupId, VpcId, Status, InstanceName, ZoneId } = params;
  if (SecurityGroupId && !primary.securityGroupIds.includes(SecurityGroupId)) return false;
  if (VpcId && primary.vpcId !== VpcId) return false;
  if (Status && instance.status !== Status) return false;
  if (instanceIds && !instanceIds.includes(instance.id)) return false;
  if (InstanceName && instance.name !== InstanceName) return false;
  if (ZoneId && instance.zoneId !== ZoneId) return false;
  return true;
}

function toWireInstance(state: EmulatorState, instance: StoredInstance) {
  const primary = primaryOf(state, instance);
  const classic = primary.vpcId === '';
  return {
    InstanceId: instance.id,
    InstanceName: instance.name,
    HostName: instance.name,
    Description: '',
    Status: instance.status,
    RegionId: instance.regionId,
    ZoneId: instance.zoneId,
    InstanceType: instance.instanceType,
    InstanceNetworkType: classic ? 'classic' : 'vpc',
    CreationTime: instance.creationTime.replace(/:\d\dZ$/, 'Z'),
    OSType: 'linux',
    ResourceGroupId: '',
    SecurityGroupIds: { SecurityGroupId: [...primary.securityGroupIds] },
    VpcAttributes: {
      VpcId: primary.vpcId,
      VSwitchId: primary.vSwitchId,
      NatIpAddress: '',
      PrivateIpAddress: { IpAddress: classic ? [] : [primary.privateIpAddress] },
    },
    InnerIpAddress: { IpAddress: classic ? [primary.privateIpAddress] : [] },
    PublicIpAddress: { IpAddress: [] },
    // The ENIs attached to the instance: the primary one (Type Primary) and any secondary ones.
    NetworkInterfaces: {
      NetworkInterface: classic
        ? []
        : enisOf(state, instance).map((eni) => ({
            NetworkInterfaceId: eni.id,
            Type: eni.type,
            MacAddress: eni.macAddress,
            PrimaryIpAddress: eni.privateIpAddress,
            PrivateIpSets: {
              PrivateIpSet: [{ PrivateIpAddress: eni.privateIpAddress, Primary: true }],
            },
          })),
    },
    Tags: { Tag: [] },
  };
}

/**
 * DescribeInstances: newest first, filtered by SecurityGroupId (the instance's groups, which are
 * its primary ENI's), VpcId, Status, InstanceIds, InstanceName, ZoneId; paged by MaxResults
 * (clamped to 10–100) and NextToken, or the legacy PageNumber/PageSize.
 */
export const describeInstances: Action = (ctx, params) => {
  const region = ctx.state.region(required(params, 'RegionId'));
  if (params.Status && !STATUSES.has(params.Status)) {
    throw new EcsApiError(
      400,
      'InvalidStatus.ValueNotSupported',
      `The specified Status "${params.Status}" is not supported.`,
    );
  }
  // Parsed once, before any instance is looked at: a malformed list is refused even in an empty region.
  const instanceIds = params.InstanceIds
    ? jsonIdList('InstanceIds', params.InstanceIds, 100)
    : undefined;
  const instances = newestFirst(
    ctx.state.instances.filter(
      (i) => i.regionId === region.regionId && matches(ctx.state, i, params, instanceIds),
    ),
  );
  const { items, fields } = listPage(params, instances, {
    tokenMax: 100,
    legacyMax: 100,
    maxResults: 'clamp',
    unnamed: 'token',
  });
  return {
    RequestId: ctx.requestId,
    ...fields,
    Instances: { Instance: items.map((i) => toWireInstance(ctx.state, i)) },
  };
};
