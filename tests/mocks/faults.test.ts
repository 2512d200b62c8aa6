import { useEmulator } from './harness';
import { Ecs, failureOf, req } from './sdk';

const { emulator, client, groupId } = useEmulator();
const regions = () => client.describeRegions(new Ecs.DescribeRegionsRequest({}));
const ssh = { ipProtocol: 'tcp', portRange: '22/22', sourceCidrIp: '192.0.2.0/24' };

describe('fault injection', () => {
  it('throttleNext: the next n calls are throttled with x-acs-retry-after, then calls pass', async () => {
    emulator.throttleNext(2, { retryAfterMs: 150 });
    const first = await failureOf(regions());
    expect(first).toMatchObject({
      name: 'ThrottlingError',
      code: 'Throttling.User',
      statusCode: 400,
      retryAfter: 150,
    });
    expect(await failureOf(regions())).toMatchObject({ code: 'Throttling.User' });
    expect((await regions()).statusCode).toBe(200);
  });

  it('throttleNext can target one action and use another code', async () => {
    emulator.throttleNext(1, { action: 'DescribeSecurityGroups', code: 'Throttling' });
    expect((await regions()).statusCode).toBe(200);
    expect(await failureOf(client.describeSecurityGroups(req.groups()))).toMatchObject({
      name: 'ThrottlingError',
      code: 'Throttling',
    });
  });

  it('failCall: the nth call of an action fails before applying', async () => {
    const id = await groupId('empty-sandbox');
    emulator.failCall('AuthorizeSecurityGroup', 2, {
      code: 'ServiceUnavailable',
      status: 503,
      message: 'busy',
    });
    await client.authorizeSecurityGroup(req.authorize(id, [ssh]));
    const failure = await failureOf(
      client.authorizeSecurityGroup(req.authorize(id, [{ ...ssh, portRange: '23/23' }])),
    );
    expect(failure).toMatchObject({
      name: 'ServerError',
      code: 'ServiceUnavailable',
      statusCode: 503,
    });
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(1);
    emulator.failCall('DescribeSecurityGroups', 1, { code: 'Forbidden.RAM', status: 403 });
    expect(await failureOf(client.describeSecurityGroups(req.groups()))).toMatchObject({
      name: 'ClientError',
      code: 'Forbidden.RAM',
      statusCode: 403,
    });
  });

  it('failAfterApply: applied, then 5xx; a retry with the same ClientToken applies nothing more', async () => {
    const id = await groupId('empty-sandbox');
    emulator.failAfterApply('AuthorizeSecurityGroup', 1);
    const failure = await failureOf(
      client.authorizeSecurityGroup(req.authorize(id, [ssh], { clientToken: 'step-1' })),
    );
    expect(failure).toMatchObject({ name: 'ServerError', code: 'InternalError', statusCode: 500 });
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(1);
    const retry = await client.authorizeSecurityGroup(
      req.authorize(id, [ssh], { clientToken: 'step-1' }),
    );
    expect(retry.statusCode).toBe(200);
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(1);
    expect(emulator.calls.slice(-2).map((c) => [c.status, c.applied, c.fault])).toEqual([
      [500, true, 'failAfterApply'],
      [200, false, undefined],
    ]);
  });

  it('dropConnection: a network error (TypeError), before or after applying', async () => {
    const id = await groupId('empty-sandbox');
    emulator.dropConnection('AuthorizeSecurityGroup', 1);
    expect(await failureOf(client.authorizeSecurityGroup(req.authorize(id, [ssh])))).toBeInstanceOf(
      TypeError,
    );
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(0);
    emulator.dropConnection('AuthorizeSecurityGroup', 1, { afterApply: true });
    expect(
      await failureOf(
        client.authorizeSecurityGroup(req.authorize(id, [ssh], { clientToken: 'drop-1' })),
      ),
    ).toBeInstanceOf(TypeError);
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(1);
    await client.authorizeSecurityGroup(req.authorize(id, [ssh], { clientToken: 'drop-1' }));
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(1);
  });

  it('nonJson: a 502 with an HTML body makes the SDK throw a SyntaxError', async () => {
    emulator.nonJson('DescribeRegions', 1);
    expect(await failureOf(regions())).toBeInstanceOf(SyntaxError);
    expect(emulator.calls.at(-1)).toMatchObject({ status: 502, fault: 'nonJson' });
  });

  it('setLatency: every call waits, so a call made later without latency answers first', async () => {
    emulator.setLatency(300);
    const slow = regions().then(() => 'slow');
    await new Promise((resolve) => setTimeout(resolve, 20));
    emulator.setLatency(0);
    const fast = regions().then(() => 'fast');
    expect(await Promise.race([slow, fast])).toBe('fast');
    expect(await slow).toBe('slow');
  });

  it('clearFaults disarms everything; reset also restores the seed', async () => {
    const id = await groupId('empty-sandbox');
    emulator.throttleNext(5);
    emulator.failCall('DescribeRegions', 1, { code: 'InternalError', status: 500 });
    emulator.clearFaults();
    expect((await regions()).statusCode).toBe(200);
    await client.authorizeSecurityGroup(req.authorize(id, [ssh]));
    emulator.reset();
    expect(emulator.listRules('cn-hangzhou', id)).toHaveLength(0);
    expect(emulator.calls).toHaveLength(0);
  });
});

describe('call log', () => {
  it('records every call with action, business params, status, code and RequestId', async () => {
    const id = await groupId('web-prod');
    emulator.clearCalls();
    const ok = await client.describeSecurityGroupAttribute(req.attribute(id));
    await failureOf(client.describeSecurityGroupAttribute(req.attribute('sg-bp0000000000000000')));
    expect(emulator.calls).toEqual([
      {
        seq: expect.any(Number),
        action: 'DescribeSecurityGroupAttribute',
        params: { RegionId: 'cn-hangzhou', SecurityGroupId: id },
        status: 200,
        requestId: ok.body?.requestId,
        applied: false,
      },
      expect.objectContaining({
        status: 404,
        code: 'InvalidSecurityGroupId.NotFound',
        applied: false,
      }),
    ]);
    expect((emulator.calls[1]?.seq ?? 0) - (emulator.calls[0]?.seq ?? 0)).toBe(1);
    const id2 = await groupId('empty-sandbox');
    await client.authorizeSecurityGroup(req.authorize(id2, [ssh]));
    expect(emulator.calls.at(-1)).toMatchObject({
      action: 'AuthorizeSecurityGroup',
      applied: true,
      params: { 'Permissions.1.IpProtocol': 'tcp', 'Permissions.1.PortRange': '22/22' },
    });
  });
});
