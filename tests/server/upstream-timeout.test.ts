/** An ECS that does not answer in time: 504 with the adapter's code, nothing left half-done. */
import { describe, expect, it } from 'vitest';
import { errorOf, REGION, useSharedStack } from './helpers';

const shared = useSharedStack({ ecs: { timeoutMs: 1000, maxAttempts: 2 } });

describe('upstream timeout', () => {
  it('answers 504 with the timeout code and a sentence', async () => {
    shared.stack.emulator.setLatency(4000);
    const res = await shared.api.regions[':region']['security-groups'][':id'].$get({
      param: { region: REGION, id: shared.webProd },
    });
    shared.stack.emulator.setLatency(0);
    expect(res.status).toBe(504);
    const body = await errorOf(res);
    expect(body.code).toBe('UpstreamTimeout');
    // Either read of a group detail may be the one that times out (the summary or the rules).
    expect(body.message).toMatch(
      /^ECS did not answer (DescribeSecurityGroups|DescribeSecurityGroupAttribute) in time \(.+\)\.$/,
    );
  });
});
