/**
 * Bounded retries through the real SDK: throttling (with x-acs-retry-after), 5xx, dropped
 * connections and non-JSON gateway answers; writes replayed safely under their ClientToken.
 */
import { callsOf, groupId, makePort, manyRules, REGION, useEmulator } from './harness';

const emulator = useEmulator();

describe('SDK adapter retries', () => {
  it('retries throttling twice then succeeds, waiting what x-acs-retry-after asks', async () => {
    const { port, waits } = makePort();
    emulator.throttleNext(2, { retryAfterMs: 750, action: 'DescribeRegions' });
    const regions = await port.describeRegions('en-US');
    expect(regions.length).toBeGreaterThan(2);
    const calls = callsOf(emulator, 'DescribeRegions');
    expect(calls.map((c) => c.code ?? c.status)).toEqual([
      'Throttling.User',
      'Throttling.User',
      200,
    ]);
    expect(waits).toEqual([750, 750]);
  });

  it('caps a long x-acs-retry-after at maxDelayMs', async () => {
    const { port, waits } = makePort({ retry: { maxDelayMs: 300 } });
    emulator.throttleNext(1, { retryAfterMs: 60_000, action: 'DescribeRegions' });
    await port.describeRegions();
    expect(waits).toEqual([300]);
  });

  it('gives up after maxAttempts with the throttling error', async () => {
    const { port, waits } = makePort({ retry: { maxAttempts: 3 } });
    emulator.throttleNext(10, { retryAfterMs: 100, action: 'DescribeSecurityGroups' });
    const error = await port.describeSecurityGroups(REGION, {}, {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'Throttling.User', httpStatus: 400, retryable: true });
    expect(callsOf(emulator, 'DescribeSecurityGroups')).toHaveLength(3);
    expect(waits).toHaveLength(2);
  });

  it('backs off when a Throttling answer carries no x-acs-retry-after', async () => {
    const { port, waits } = makePort({ retry: { baseDelayMs: 100 } });
    emulator.failCall('DescribeRegions', 1, { code: 'Throttling', status: 400 });
    await port.describeRegions();
    expect(callsOf(emulator, 'DescribeRegions').map((c) => c.status)).toEqual([400, 200]);
    expect(waits).toEqual([50]);
  });

  it('uses exponential backoff with jitter for a 5xx', async () => {
    const { port, waits } = makePort({ retry: { baseDelayMs: 100 } });
    emulator.failCall('DescribeRegions', 1, { code: 'ServiceUnavailable', status: 503 });
    emulator.failCall('DescribeRegions', 2, { code: 'InternalError', status: 500 });
    await port.describeRegions();
    expect(callsOf(emulator, 'DescribeRegions').map((c) => c.status)).toEqual([503, 500, 200]);
    // random() is 0.5 in tests: half of 100, then half of 200.
    expect(waits).toEqual([50, 100]);
  });

  it('reports a persistent 5xx after the bound, retryable', async () => {
    const { port } = makePort({ retry: { maxAttempts: 2 } });
    emulator.failCall('DescribeRegions', 1, { code: 'ServiceUnavailable', status: 503 });
    emulator.failCall('DescribeRegions', 2, { code: 'ServiceUnavailable', status: 503 });
    await expect(port.describeRegions()).rejects.toMatchObject({
      code: 'ServiceUnavailable',
      httpStatus: 503,
      retryable: true,
    });
  });

  it('does not retry a permanent 4xx', async () => {
    const { port, waits } = makePort();
    emulator.failCall('DescribeRegions', 1, { code: 'Forbidden.RAM', status: 403 });
    await expect(port.describeRegions()).rejects.toMatchObject({
      code: 'Forbidden.RAM',
      httpStatus: 403,
      retryable: false,
    });
    expect(callsOf(emulator, 'DescribeRegions')).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('retries a non-JSON 502 and reports UpstreamMalformed when it persists', async () => {
    const { port } = makePort();
    emulator.nonJson('DescribeRegions', 1);
    await expect(port.describeRegions()).resolves.not.toHaveLength(0);
    expect(callsOf(emulator, 'DescribeRegions').map((c) => c.status)).toEqual([502, 200]);

    emulator.clearCalls();
    const bounded = makePort({ retry: { maxAttempts: 2 } }).port;
    emulator.nonJson('DescribeRegions', 1);
    emulator.nonJson('DescribeRegions', 2);
    await expect(bounded.describeRegions()).rejects.toMatchObject({
      code: 'UpstreamMalformed',
      httpStatus: 0,
      retryable: true,
    });
    expect(callsOf(emulator, 'DescribeRegions')).toHaveLength(2);
  });

  it('retries a dropped connection as a NetworkError', async () => {
    const { port } = makePort({ retry: { maxAttempts: 2 } });
    emulator.dropConnection('DescribeRegions', 1);
    await expect(port.describeRegions()).resolves.not.toHaveLength(0);
    emulator.dropConnection('DescribeRegions', 1);
    emulator.dropConnection('DescribeRegions', 2);
    await expect(port.describeRegions()).rejects.toMatchObject({
      code: 'NetworkError',
      httpStatus: 0,
      retryable: true,
    });
  });

  it('applies an Authorize once when the connection drops after ECS applied it', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'empty-sandbox');
    emulator.dropConnection('AuthorizeSecurityGroup', 1, { afterApply: true });
    const rules = manyRules(3);
    const result = await port.authorize(REGION, id, 'ingress', rules, 'token-once');
    const calls = callsOf(emulator, 'AuthorizeSecurityGroup');
    expect(calls).toHaveLength(2);
    expect(calls.map((c) => c.params.ClientToken)).toEqual(['token-once', 'token-once']);
    expect(calls.map((c) => c.applied)).toEqual([true, false]);
    expect(result.requestId).toBe(calls[0]?.requestId);
    expect(emulator.listRules(REGION, id)).toHaveLength(3);
  });

  it('applies a Revoke once when ECS applied it but answered 500', async () => {
    const { port } = makePort();
    const id = await groupId(port, 'web-prod');
    const before = emulator.listRules(REGION, id);
    const target = before.find((p) => p.Direction === 'ingress')?.SecurityGroupRuleId ?? '';
    emulator.failAfterApply('RevokeSecurityGroup', 1);
    await port.revoke(REGION, id, 'ingress', [target], 'token-revoke-once');
    expect(callsOf(emulator, 'RevokeSecurityGroup').map((c) => c.status)).toEqual([500, 200]);
    expect(emulator.listRules(REGION, id)).toHaveLength(before.length - 1);
  });

  it('times out a slow answer as UpstreamTimeout', async () => {
    const { port } = makePort({ timeoutMs: 50, retry: { maxAttempts: 1 } });
    emulator.setLatency(400);
    await expect(port.describeRegions()).rejects.toMatchObject({
      code: 'UpstreamTimeout',
      httpStatus: 0,
      retryable: true,
    });
    emulator.setLatency(0);
  });
});
