import { EcsApiError } from '../errors';
import { indexedValues, required } from '../params';
import type { Params, StoredNetworkInterface } from '../types';
import type { Action } from './context';
import { listPage } from './list-paging';

function matches(eni: StoredNetworkInterface, params: Params, ids: string[]): boolean {
  const { SecurityGroupId, Type, InstanceId, VpcId, Status, NetworkInterfaceName } = params;
  // The SDK's remark: this filter finds secondary ENIs only; primary ones come from DescribeInstances.
  if (
    SecurityGroupId &&
    (eni.type !== 'Secondary' || !eni.securityGroupIds.includes(SecurityGroupId))
  )
    return false;
  if (Type && eni.type !== Type) return false;
  if (InstanceId && eni.instanceId !== InstanceId) return false;
  if (VpcId && eni.vpcId !== VpcId) return false;
  if (Status && eni.status !== Status) return false;
  if (NetworkInterfaceName && eni.name !== NetworkInterfaceName) return false;
  if (ids.length > 0 && !ids.includes(eni.id)) return false;
  return true;
}

function toWireNetworkInterface(eni: StoredNetworkInterface, ownerId: string) {
  return {
    NetworkInterfaceId: eni.id,
    NetworkInterfaceName: eni.name,
    Description: '',
    Type: eni.type,
    InstanceId: eni.instanceId,
    Status: eni.status,
    VpcId: eni.vpcId,
    VSwitchId: eni.vSwitchId,
    ZoneId: eni.zoneId,
    MacAddress: eni.macAddress,
    PrivateIpAddress: eni.privateIpAddress,
    PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: eni.privateIpAddress, Primary: true }] },
    SecurityGroupIds: { SecurityGroupId: [...eni.securityGroupIds] },
    CreationTime: eni.creationTime,
    OwnerId: ownerId,
    ResourceGroupId: '',
    ServiceManaged: false,
    Tags: { Tag: [] },
    ...(eni.instanceId
      ? { Attachment: { InstanceId: eni.instanceId, DeviceIndex: eni.type === 'Primary' ? 0 : 1 } }
      : {}),
  };
}

/**
 * DescribeNetworkInterfaces: ENIs in creation order, filtered by SecurityGroupId (secondary ENIs
 * only), Type (Primary | Secondary), InstanceId, VpcId, Status, NetworkInterfaceName and
 * NetworkInterfaceId.N; paged by MaxResults (clamped to 10–500) and NextToken, or the legacy
 * PageNumber/PageSize. Classic instances have no ENIs, so none of theirs is listed.
 */
export const describeNetworkInterfaces: Action = (ctx, params) => {
  const region = ctx.state.region(required(params, 'RegionId'));
  if (params.Type && params.Type !== 'Primary' && params.Type !== 'Secondary') {
    throw new EcsApiError(
      400,
      'InvalidParameter.Type',
      `The specified Type "${params.Type}" is not valid: use Primary or Secondary.`,
    );
  }
  const ids = indexedValues(params, 'NetworkInterfaceId');
  const enis = ctx.state.networkInterfaces.filter(
    (n) => n.regionId === region.regionId && n.vpcId !== '' && matches(n, params, ids),
  );
  const { items, fields } = listPage(params, enis, {
    tokenMax: 500,
    legacyMax: 500,
    maxResults: 'clamp',
    unnamed: 'token',
  });
  return {
    RequestId: ctx.requestId,
    ...fields,
    NetworkInterfaceSets: {
      NetworkInterfaceSet: items.map((n) => toWireNetworkInterface(n, ctx.options.accountId)),
    },
  };
};
