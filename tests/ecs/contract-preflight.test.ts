import { describe, expect, it } from 'vitest';
import { planRestore } from '../../src/domain/plan';
import { PREFLIGHT_CODES, preflight, type PreflightFailure } from '../../src/domain/preflight';
import { normalizeRule } from '../../src/domain/normalize';
import { DEFAULT_RESTORE_OPTIONS, type GroupRules } from '../../src/domain/types';
import { preflightFailureSchema } from '../../src/server/contract';

const info = (id: string) => ({
  id,
  name: id,
  regionId: 'cn-hangzhou',
  vpcId: 'vpc-1',
  type: 'normal' as const,
});

describe("the contract's pre-flight failure schema", () => {
  it('has one branch per check code', () => {
    const branches = preflightFailureSchema.options.map((option) => option.shape.code.value);
    expect([...branches].sort()).toEqual([...PREFLIGHT_CODES].sort());
  });

  it('accepts what the checks return', () => {
    const rules = Array.from({ length: 3 }, (_, i) =>
      normalizeRule(
        { direction: 'ingress', protocol: 'tcp', portRange: String(i + 1), groupId: `sg-gone${i}` },
        { vpc: true },
      ),
    );
    const source: GroupRules = { group: info('sg-src'), rules: [] };
    const limits = { batchSize: 100, ruleLimit: 2, groupReferenceLimit: 1 };
    const { plan } = planRestore(
      source,
      { group: info('sg-dst'), rules },
      'partially',
      DEFAULT_RESTORE_OPTIONS,
      limits,
    );
    const failures: PreflightFailure[] = preflight({ source, plan, limits, groupVpcs: {} });
    expect(failures.map((f) => f.code)).toEqual([
      'rule-limit',
      'group-reference-limit',
      'reference-missing',
    ]);
    for (const failure of failures) expect(preflightFailureSchema.parse(failure)).toEqual(failure);
  });
});
