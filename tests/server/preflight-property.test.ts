/**
 * The pre-flight promise as a property (SPEC section 10), against the emulator, which enforces
 * the rule limit and the group-reference limit on its own: over random source/destination pairs
 * at and near both limits (RULE_LIMIT 24 in the server and the emulator, 20 references per basic
 * group), every plan whose checks pass runs to the end without an ECS refusal and reaches the
 * expected rules; every plan whose checks fail is refused with zero write calls.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestStack, waitForRestore, type TestStack } from '../support/test-stack';
import { writeCalls } from './preflight-fixtures';
import { acceptedId, errorOf, preview, REGION, startRestore } from './helpers';

const RULE_LIMIT = 24;
/** Distinct rule identities: ports 1..PORTS, each with a CIDR peer and with a group peer. */
const PORTS = 30;

let stack: TestStack;
let runs = 0;
/** How often each branch ran, by check code: a property that never reaches a branch proves nothing. */
const seen = new Map<string, number>();
const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);

beforeAll(async () => {
  stack = await createTestStack({
    seed: 'empty',
    config: { ruleLimit: RULE_LIMIT, batchSize: 4 },
  });
});
afterAll(() => stack.close());

interface RuleSpec {
  port: number;
  byGroup: boolean;
  priority: number;
  note: boolean;
}

/** A rule; `referenceShare` of 4 rules reference a group, on average. */
const ruleSpec = (referenceShare: number) =>
  fc.record({
    port: fc.integer({ min: 1, max: PORTS }),
    byGroup: fc.integer({ min: 1, max: 4 }).map((n) => n <= referenceShare),
    priority: fc.constantFrom(1, 2),
    note: fc.boolean(),
  });

const rulesOf = (referenceShare: number, minLength: number, maxLength: number) =>
  fc.uniqueArray(ruleSpec(referenceShare), {
    minLength,
    maxLength,
    size: 'max',
    selector: (rule) => `${rule.port}:${rule.byGroup}`,
  });

/** A group's rules: small, or near the rule limit, or near the reference limit. */
const groupSpec = fc.oneof(
  rulesOf(1, 0, 8),
  rulesOf(1, RULE_LIMIT - 6, RULE_LIMIT + 2),
  rulesOf(4, 16, RULE_LIMIT),
);

function permission(rule: RuleSpec, peerGroup: string): Record<string, string> {
  return {
    IpProtocol: 'TCP',
    PortRange: `${1000 + rule.port}/${1000 + rule.port}`,
    ...(rule.byGroup ? { SourceGroupId: peerGroup } : { SourceCidrIp: `10.1.${rule.port}.0/24` }),
    Priority: String(rule.priority),
    Policy: 'Accept',
    Description: rule.note ? `note ${rule.port}` : '',
  };
}

/** Seeds as ECS could hold it: at most RULE_LIMIT rules and 20 group references. */
function seedable(rules: RuleSpec[]): RuleSpec[] {
  let references = 0;
  return rules.slice(0, RULE_LIMIT).filter((rule) => !rule.byGroup || ++references <= 20);
}

it('every accepted plan runs to the end; every refused one writes nothing', async () => {
  await fc.assert(
    fc.asyncProperty(
      groupSpec,
      groupSpec,
      fc.constantFrom('completely' as const, 'partially' as const),
      async (sourceRules, destinationRules, mode) => {
        runs += 1;
        stack.emulator.reset();
        const peer = stack.emulator.addGroup(REGION, { name: `peer-${runs}` });
        const source = stack.emulator.addGroup(REGION, { name: `source-${runs}` });
        const destination = stack.emulator.addGroup(REGION, { name: `destination-${runs}` });
        const seed = (id: string, rules: RuleSpec[]) => {
          const list = seedable(rules).map((rule) => permission(rule, peer));
          if (list.length > 0) stack.emulator.addRules(REGION, id, 'ingress', list);
        };
        seed(source, sourceRules);
        seed(destination, destinationRules);

        const shown = await preview(stack.app, source, destination, mode);
        if (shown.identical) return;
        stack.emulator.clearCalls();
        const started = await startRestore(stack.app, source, destination, shown, mode);
        if (shown.checks.length > 0) {
          for (const check of shown.checks) count(check.code);
          expect(started.status).toBe(422);
          expect((await errorOf(started)).code).toBe('PreflightFailed');
          expect(writeCalls(stack.emulator)).toEqual([]);
          return;
        }
        count('accepted');
        const done = await waitForRestore(stack.app, await acceptedId(started));
        expect(writeCalls(stack.emulator).filter((call) => call.status !== 200)).toEqual([]);
        expect(done.error).toBeUndefined();
        expect(done).toMatchObject({ status: 'succeeded', verification: { status: 'passed' } });
      },
    ),
    { seed: 20261120, numRuns: 300 },
  );
  expect(seen.get('accepted')).toBeGreaterThan(30);
  expect(seen.get('rule-limit')).toBeGreaterThan(10);
  expect(seen.get('group-reference-limit')).toBeGreaterThan(10);
}, 120_000);
