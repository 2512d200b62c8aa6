import { authorize } from './authorize';
import type { Action } from './context';
import { createSecurityGroup } from './create-security-group';
import { describeInstances } from './describe-instances';
import { describeNetworkInterfaces } from './describe-network-interfaces';
import { describePrefixListAttributes } from './describe-prefix-list-attributes';
import { describeRegions } from './describe-regions';
import { describeSecurityGroupAttribute } from './describe-security-group-attribute';
import { describeSecurityGroupReferences } from './describe-security-group-references';
import { describeSecurityGroups } from './describe-security-groups';
import { modify } from './modify';
import { revoke } from './revoke';

/** Every action the emulator serves; anything else is InvalidAction.NotFound. */
export const ACTIONS: Readonly<Record<string, Action>> = {
  DescribeRegions: describeRegions,
  DescribeSecurityGroups: describeSecurityGroups,
  DescribeSecurityGroupAttribute: describeSecurityGroupAttribute,
  AuthorizeSecurityGroup: authorize('ingress'),
  AuthorizeSecurityGroupEgress: authorize('egress'),
  RevokeSecurityGroup: revoke('ingress'),
  RevokeSecurityGroupEgress: revoke('egress'),
  ModifySecurityGroupRule: modify('ingress'),
  ModifySecurityGroupEgressRule: modify('egress'),
  CreateSecurityGroup: createSecurityGroup,
  DescribeInstances: describeInstances,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeSecurityGroupReferences: describeSecurityGroupReferences,
  DescribePrefixListAttributes: describePrefixListAttributes,
};

/** Write actions: their ClientToken makes them idempotent and the call log marks them. */
export const WRITE_ACTIONS = new Set(
  Object.keys(ACTIONS).filter((name) => !name.startsWith('Describe')),
);
