import { normalizeRule } from '../../src/domain/normalize';
import type { GroupInfo, GroupRules, GroupType, Rule, RuleInput } from '../../src/domain/types';

/** A normalized VPC rule: ingress TCP 22 Accept from 10.0.0.0/8 unless overridden. */
export function rule(overrides: Partial<RuleInput> = {}, vpc = true): Rule {
  const peerGiven = ['cidr', 'ipv6Cidr', 'groupId', 'prefixListId'].some((key) => key in overrides);
  const input: RuleInput = {
    direction: 'ingress',
    protocol: 'tcp',
    portRange: '22/22',
    ...(peerGiven ? {} : { cidr: '10.0.0.0/8' }),
    ...overrides,
  };
  return normalizeRule(input, { vpc });
}

let nextId = 0;

/** The same rule as read from ECS, with a rule ID. */
export function stored(overrides: Partial<RuleInput> = {}, vpc = true): Rule {
  nextId++;
  return rule({ ...overrides, meta: { ruleId: `sgr-${nextId}`, ...overrides.meta } }, vpc);
}

export function groupInfo(id: string, overrides: Partial<GroupInfo> = {}): GroupInfo {
  return {
    id,
    name: id,
    regionId: 'cn-hangzhou',
    vpcId: 'vpc-1',
    type: 'normal' as GroupType,
    ...overrides,
  };
}

export function group(id: string, rules: Rule[], overrides: Partial<GroupInfo> = {}): GroupRules {
  return { group: groupInfo(id, overrides), rules };
}
