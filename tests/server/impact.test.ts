/**
 * The impact part of the preview through the real SDK and the emulator: the traffic effect of
 * the demo restore, the rules before and after, and the per-ENI quota (checked, refused past a
 * small ENI_RULE_LIMIT, and said to be unavailable when ECS refuses a read).
 */
import { errorOf, preview, startRestore, useSharedStack } from './helpers';

const cidr4 = (include: string[]) => ({ kind: 'cidrs', family: 4, include, except: [] });

describe('the traffic effect of web-prod ← its backup', () => {
  const shared = useSharedStack();

  it('states SSH and SMTP blocked and HTTPS opened, to and from anywhere', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    const common = { nicType: 'intranet', protocol: 'tcp', approximate: false };
    expect(planned.traffic).toEqual({
      ingress: {
        statements: [
          {
            ...common,
            direction: 'ingress',
            ports: '22/22',
            peer: cidr4(['0.0.0.0/0']),
            from: 'allowed',
            to: 'blocked',
          },
          {
            ...common,
            direction: 'ingress',
            ports: '443/443',
            peer: cidr4(['0.0.0.0/0']),
            from: 'blocked',
            to: 'allowed',
          },
        ],
        more: 0,
      },
      egress: {
        statements: [
          {
            ...common,
            direction: 'egress',
            ports: '25/25',
            peer: cidr4(['0.0.0.0/0']),
            from: 'allowed',
            to: 'blocked',
          },
        ],
        more: 0,
      },
    });
  });

  it('carries the rules before and the expected rules after for the packet check', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    const unchanged = planned.ingress.unchanged.length + planned.egress.unchanged.length;
    const removed = planned.ingress.removed.length + planned.egress.removed.length;
    const added = planned.ingress.added.length + planned.egress.added.length;
    expect(planned.before.length).toBe(unchanged + removed + planned.summary.changed);
    expect(planned.expected.length).toBe(unchanged + added + planned.summary.changed);
  });

  it('checks the per-ENI quota of web-prod’s eight ENIs against the default 1,000', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    expect(planned.eniQuota).toEqual({ status: 'ok', limit: 1000, enis: 8 });
    expect(planned.checks).toEqual([]);
  });

  it('says the per-ENI check could not be computed when DescribeInstances is refused', async () => {
    shared.stack.emulator.failCall('DescribeInstances', 1, {
      code: 'Forbidden.RAM',
      status: 403,
      message: 'User not authorized to operate on the specified resource.',
    });
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    expect(planned.eniQuota).toMatchObject({
      status: 'unavailable',
      code: 'Forbidden.RAM',
      action: 'DescribeInstances',
    });
    // A warning, not a failed check: the restore stays possible.
    expect(planned.checks).toEqual([]);
  });
});

describe('the per-ENI quota past a small ENI_RULE_LIMIT', () => {
  const shared = useSharedStack({ config: { eniRuleLimit: 12 } });

  it('fails the check for the ENIs over it and refuses the start with 422, nothing written', async () => {
    const planned = await preview(shared.stack.app, shared.webProd, shared.backup);
    const check = planned.checks.find((c) => c.code === 'eni-rule-limit');
    if (check?.code !== 'eni-rule-limit') throw new Error('expected an eni-rule-limit check');
    expect(check.limit).toBe(12);
    expect(check.enis.length).toBeGreaterThan(0);
    for (const eni of check.enis) expect(eni.total).toBeGreaterThan(12);
    shared.stack.emulator.clearCalls();
    const res = await startRestore(shared.stack.app, shared.webProd, shared.backup, planned);
    expect(res.status).toBe(422);
    expect((await errorOf(res)).code).toBe('PreflightFailed');
    const writes = shared.stack.emulator.calls.filter((c) => !c.action.startsWith('Describe'));
    expect(writes).toEqual([]);
  });
});
