/**
 * Test helpers that speak ECS's wire format: a Permission as DescribeSecurityGroupAttribute
 * returns it (every field present, unused ones ''), built from partial fields.
 */
import {
  wirePermissionSchema,
  type WirePermission,
  type WirePermissionInput,
} from '../../src/ecs/wire';

export const EMPTY_PERMISSION: WirePermission = wirePermissionSchema.parse({});

/** A Permission as ECS returns it: unused fields are '', values are the given ones. */
export function permission(fields: WirePermissionInput): WirePermission {
  return wirePermissionSchema.parse({ ...EMPTY_PERMISSION, ...fields });
}

/**
 * What ECS answers for a rule authorized with these Permissions.N fields: the same values, the
 * protocol upper-case, the policy capitalized, the priority a string, plus an ID and a time.
 */
export function echoAsEcs(
  fields: Record<string, string>,
  direction: 'ingress' | 'egress',
  ruleId: string,
): WirePermission {
  const policy = (fields.Policy ?? 'accept').toLowerCase();
  return permission({
    ...fields,
    Direction: direction,
    SecurityGroupRuleId: ruleId,
    IpProtocol: (fields.IpProtocol ?? '').toUpperCase(),
    Policy: policy === 'drop' ? 'Drop' : 'Accept',
    Priority: fields.Priority ?? '1',
    CreateTime: '2024-05-01T08:00:00Z',
  });
}
