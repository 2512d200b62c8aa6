/**
 * Exported rules, as files like the ECS console's: JSON shaped as DescribeSecurityGroupAttribute
 * answers (`ecs_<region>_<group>.json`) and CSV with one column per Permission field
 * (`ecs_sgRule_<group>_<region>_<time>.csv`). Field names are ECS's.
 */
import type { GroupInfo, Rule } from '../../domain/types';
import { ruleToPermissionFields } from '../../ecs/mapping';
import { toCsv } from './csv';

/** The Permission fields an exported rule can carry, in the CSV's column order. */
export const PERMISSION_COLUMNS = [
  'Direction',
  'Policy',
  'Priority',
  'IpProtocol',
  'PortRange',
  'SourcePortRange',
  'SourceCidrIp',
  'Ipv6SourceCidrIp',
  'SourceGroupId',
  'SourceGroupOwnerAccount',
  'SourcePrefixListId',
  'DestCidrIp',
  'Ipv6DestCidrIp',
  'DestGroupId',
  'DestGroupOwnerAccount',
  'DestPrefixListId',
  'PortRangeListId',
  'NicType',
  'Description',
] as const;

export type PermissionColumn = (typeof PERMISSION_COLUMNS)[number];

/** One rule as ECS's Permission fields (absent fields left out). */
function rulePermission(rule: Rule): Partial<Record<PermissionColumn, string>> {
  const fields: Record<string, string> = {
    ...ruleToPermissionFields(rule),
    Direction: rule.direction,
  };
  const out: Partial<Record<PermissionColumn, string>> = {};
  for (const column of PERMISSION_COLUMNS) {
    const value = fields[column];
    if (value !== undefined && value !== '') out[column] = value;
  }
  return out;
}

export interface ExportSubject {
  group: GroupInfo;
  rules: Rule[];
  /** When the rules were read or snapshotted. */
  at: Date;
  /** The snapshot exported, if it is one. */
  snapshotId?: string;
}

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: string;
}

/** YYYYMMDDHHmmss in UTC. */
function stamp(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, '').slice(0, 14);
}

export function exportJson(subject: ExportSubject): ExportFile {
  const { group } = subject;
  const body = {
    RegionId: group.regionId,
    SecurityGroupId: group.id,
    SecurityGroupName: group.name,
    VpcId: group.vpcId,
    SecurityGroupType: group.type,
    ExportedAt: subject.at.toISOString(),
    ...(subject.snapshotId === undefined ? {} : { SnapshotId: subject.snapshotId }),
    Permissions: { Permission: subject.rules.map(rulePermission) },
  };
  return {
    fileName: `ecs_${group.regionId}_${group.id}.json`,
    contentType: 'application/json; charset=utf-8',
    body: `${JSON.stringify(body, null, 2)}\n`,
  };
}

export function exportCsv(subject: ExportSubject): ExportFile {
  const records = subject.rules.map((rule) => {
    const permission = rulePermission(rule);
    return PERMISSION_COLUMNS.map((column) => permission[column] ?? '');
  });
  return {
    fileName: `ecs_sgRule_${subject.group.id}_${subject.group.regionId}_${stamp(subject.at)}.csv`,
    contentType: 'text/csv; charset=utf-8',
    body: toCsv(PERMISSION_COLUMNS, records),
  };
}
