/**
 * Reads a JSON rules file: ours (`ecs_<region>_<group>.json`) or the ECS console's, both shaped
 * as DescribeSecurityGroupAttribute answers (`Permissions.Permission`, ECS field names). A bare
 * array of Permissions or `Permissions` as an array are read too. Every entry is checked, so
 * one upload lists all its problems.
 */
import { ruleIdentity } from '../../domain/normalize';
import type { GroupType, Rule } from '../../domain/types';
import { GROUP_ID_PATTERN } from '../contract';
import { importPermission, type ImportProblem } from './import-permission';

/** What the file says of the group it came from; absent fields come from the source. */
export interface ImportedGroup {
  id?: string;
  name?: string;
  regionId?: string;
  vpcId?: string;
  type?: GroupType;
}

export interface ParsedImport {
  group: ImportedGroup;
  rules: Rule[];
  problems: ImportProblem[];
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The Permissions array and its JSON pointer, wherever the file keeps it. */
function permissionsOf(doc: unknown): { entries: unknown[]; pointer: string } | null {
  if (Array.isArray(doc)) return { entries: doc, pointer: '' };
  if (!isRecord(doc)) return null;
  const permissions = doc.Permissions;
  if (Array.isArray(permissions)) return { entries: permissions, pointer: '/Permissions' };
  if (isRecord(permissions) && Array.isArray(permissions.Permission))
    return { entries: permissions.Permission, pointer: '/Permissions/Permission' };
  return null;
}

function groupOf(doc: unknown, problems: ImportProblem[]): ImportedGroup {
  if (!isRecord(doc)) return {};
  const group: ImportedGroup = {};
  const text = (key: string): string | undefined => {
    const value = doc[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return value.trim();
    problems.push({ place: { pointer: `/${key}` }, field: key, problem: 'is not a text' });
    return undefined;
  };
  const id = text('SecurityGroupId');
  if (id !== undefined && id !== '') {
    if (GROUP_ID_PATTERN.test(id)) group.id = id;
    else
      problems.push({
        place: { pointer: '/SecurityGroupId' },
        field: 'SecurityGroupId',
        problem: `'${id}' is not a security group ID (sg-...)`,
      });
  }
  const name = text('SecurityGroupName');
  if (name !== undefined) group.name = name;
  const region = text('RegionId');
  if (region !== undefined && region !== '') group.regionId = region;
  const vpc = text('VpcId');
  if (vpc !== undefined) group.vpcId = vpc;
  const type = text('SecurityGroupType');
  if (type !== undefined && type !== '')
    group.type = type.toLowerCase() === 'enterprise' ? 'enterprise' : 'normal';
  return group;
}

/** A file that is not JSON at all: one problem, with the engine's words for where it broke. */
function syntaxProblem(error: SyntaxError): ImportProblem {
  return { place: null, problem: `is not valid JSON (${error.message})` };
}

/**
 * Parses `content`; `vpcOf` tells, from what the file says of its group, whether its rules are
 * a VPC group's (normalization differs). Problems are listed, not thrown.
 */
export function parseJsonImport(
  content: string,
  vpcOf: (group: ImportedGroup) => boolean,
): ParsedImport {
  let doc: unknown;
  try {
    doc = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { group: {}, rules: [], problems: [syntaxProblem(error)] };
  }
  const problems: ImportProblem[] = [];
  const group = groupOf(doc, problems);
  const found = permissionsOf(doc);
  if (found === null) {
    problems.push({
      place: { pointer: '/Permissions' },
      field: 'Permissions',
      problem: 'is missing: the file holds no Permissions.Permission list',
    });
    return { group, rules: [], problems };
  }
  const ctx = { vpc: vpcOf(group) };
  const rules: Rule[] = [];
  const seen = new Map<string, string>();
  found.entries.forEach((entry, index) => {
    const pointer = `${found.pointer}/${index}`;
    if (!isRecord(entry)) {
      problems.push({ place: { pointer }, problem: 'is not a Permission object' });
      return;
    }
    const result = importPermission(entry, { pointer }, ctx);
    if ('problem' in result) {
      problems.push(result.problem);
      return;
    }
    const key = ruleIdentity(result.rule);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ place: { pointer }, problem: `is the same rule as entry ${first}` });
      return;
    }
    seen.set(key, pointer);
    rules.push(result.rule);
  });
  return { group, rules, problems };
}
