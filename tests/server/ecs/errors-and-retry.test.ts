/**
 * Error normalization and the retry loop, fed with the SDK's own error classes (as the SDK
 * constructs them from an ECS error body) and the raw errors its HTTP layer throws.
 */
import { ClientError, ServerError, ThrottlingError } from '@alicloud/openapi-core';
import { EcsError } from '../../../src/ecs/ecs-port';
import { classifySdkError } from '../../../src/server/ecs/errors';
import { backoffDelay, DEFAULT_RETRY_POLICY, withRetry } from '../../../src/server/ecs/retry';

const body = (code: string, message: string) => ({
  RequestId: 'req-1',
  HostId: 'ecs.aliyuncs.com',
  Code: code,
  Message: message,
});

describe('classifySdkError', () => {
  it('keeps code, status and RequestId of a ClientError; a 4xx is not retryable', () => {
    const { error } = classifySdkError(
      new ClientError({
        statusCode: 404,
        code: 'InvalidSecurityGroupId.NotFound',
        message: 'code: 404, x',
        requestId: 'req-1',
        data: body(
          'InvalidSecurityGroupId.NotFound',
          'The specified SecurityGroupId does not exist.',
        ),
      }),
      'DescribeSecurityGroupAttribute',
    );
    expect(error).toBeInstanceOf(EcsError);
    expect(error).toMatchObject({
      code: 'InvalidSecurityGroupId.NotFound',
      message: 'The specified SecurityGroupId does not exist.',
      requestId: 'req-1',
      httpStatus: 404,
      retryable: false,
    });
  });

  it('keeps the AccessDeniedDetail of Forbidden.RAM in the message', () => {
    const detail = {
      AuthAction: 'ecs:AuthorizeSecurityGroup',
      PolicyType: 'AccountLevelIdentityBasedPolicy',
      NoPermissionType: 'ImplicitDeny',
    };
    const { error } = classifySdkError(
      new ClientError({
        statusCode: 403,
        code: 'Forbidden.RAM',
        requestId: 'req-2',
        data: {
          ...body('Forbidden.RAM', 'User not authorized to operate on the specified resource.'),
          AccessDeniedDetail: detail,
        },
        accessDeniedDetail: detail,
      }),
      'AuthorizeSecurityGroup',
    );
    expect(error.code).toBe('Forbidden.RAM');
    expect(error.httpStatus).toBe(403);
    expect(error.message).toContain('User not authorized');
    expect(error.message).toContain('ecs:AuthorizeSecurityGroup');
    expect(error.message).toContain('ImplicitDeny');
  });

  it('marks throttling and 5xx retryable and reads x-acs-retry-after from the ThrottlingError', () => {
    const throttled = classifySdkError(
      new ThrottlingError({
        statusCode: 400,
        code: 'Throttling.User',
        requestId: 'req-3',
        retryAfter: 1500,
        data: body('Throttling.User', 'Request was denied due to user flow control.'),
      }),
      'DescribeRegions',
    );
    expect(throttled.error).toMatchObject({
      code: 'Throttling.User',
      httpStatus: 400,
      retryable: true,
    });
    expect(throttled.retryAfterMs).toBe(1500);
    const server = classifySdkError(
      new ServerError({
        statusCode: 503,
        code: 'ServiceUnavailable',
        requestId: 'undefined',
        data: body('ServiceUnavailable', 'busy'),
      }),
      'DescribeRegions',
    );
    expect(server.error).toMatchObject({
      code: 'ServiceUnavailable',
      httpStatus: 503,
      retryable: true,
    });
    expect(server.error.requestId).toBe('req-1');
    expect(server.retryAfterMs).toBeUndefined();
  });

  it('turns HTTP-layer failures into NetworkError, UpstreamTimeout and UpstreamMalformed', () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    expect(classifySdkError(reset, 'A').error).toMatchObject({
      code: 'NetworkError',
      httpStatus: 0,
      retryable: true,
    });
    expect(classifySdkError(new TypeError('Failed to fetch'), 'A').error.code).toBe('NetworkError');
    // As the SDK words a refused connection: the socket error glued to the request line.
    const refused = Object.assign(
      new Error('connect ECONNREFUSED 127.0.0.1:9100POST http://127.0.0.1:9100/?A=1 failed.'),
      { code: 'ECONNREFUSED' },
    );
    expect(classifySdkError(refused, 'DescribeRegions').error.message).toBe(
      'The connection to ECS failed during DescribeRegions: connect ECONNREFUSED 127.0.0.1:9100; POST http://127.0.0.1:9100/?A=1 failed.',
    );
    const timeout = Object.assign(new Error('ReadTimeout(10). POST / failed.'), {
      name: 'RequestTimeoutError',
    });
    expect(classifySdkError(timeout, 'A').error).toMatchObject({
      code: 'UpstreamTimeout',
      httpStatus: 0,
      retryable: true,
    });
    const notJson = classifySdkError(
      new SyntaxError('Unexpected token < in JSON'),
      'DescribeRegions',
    ).error;
    expect(notJson).toMatchObject({ code: 'UpstreamMalformed', httpStatus: 0, retryable: true });
    expect(notJson.message).toContain('DescribeRegions');
    const cast = classifySdkError(
      new Error('type of permissions is mismatch, expect object, but string'),
      'A',
    ).error;
    expect(cast).toMatchObject({ code: 'UpstreamMalformed', retryable: false });
  });

  it('passes an EcsError through and never throws on odd values', () => {
    const own = new EcsError({
      code: 'UnsupportedRule',
      message: 'x',
      httpStatus: 0,
      retryable: false,
    });
    expect(classifySdkError(own, 'A').error).toBe(own);
    expect(classifySdkError('boom', 'A').error).toMatchObject({
      code: 'UpstreamError',
      retryable: false,
    });
    expect(classifySdkError(new Error('strange'), 'A').error).toMatchObject({
      code: 'UpstreamError',
      retryable: false,
    });
  });
});

describe('withRetry', () => {
  const throttle = (retryAfter?: number) =>
    new ThrottlingError({
      statusCode: 400,
      code: 'Throttling',
      requestId: 'r',
      data: body('Throttling', 'slow down'),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    });

  function harness() {
    const waits: number[] = [];
    return {
      waits,
      env: { sleep: async (ms: number) => void waits.push(ms), random: () => 0.999 },
    };
  }

  it('backs off exponentially with full jitter, capped by maxDelayMs', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 200, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, policy, () => 0.999))).toEqual([
      199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
  });

  it('retries until success and honours the server-requested wait within the bound', async () => {
    const { waits, env } = harness();
    let calls = 0;
    const result = await withRetry(
      'DescribeRegions',
      async () => {
        calls++;
        if (calls === 1) throw throttle(300);
        if (calls === 2) throw throttle(60_000);
        return 'ok';
      },
      DEFAULT_RETRY_POLICY,
      env,
    );
    expect(result).toBe('ok');
    expect(calls).toBe(3);
    expect(waits).toEqual([300, DEFAULT_RETRY_POLICY.maxDelayMs]);
  });

  it('gives up after maxAttempts with the last error', async () => {
    const { waits, env } = harness();
    let calls = 0;
    const failing = withRetry(
      'DescribeRegions',
      async () => {
        calls++;
        throw throttle();
      },
      { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 5000 },
      env,
    );
    await expect(failing).rejects.toMatchObject({ code: 'Throttling', retryable: true });
    expect(calls).toBe(3);
    expect(waits).toEqual([99, 199]);
  });

  it('does not retry a permanent error', async () => {
    const { waits, env } = harness();
    let calls = 0;
    await expect(
      withRetry(
        'AuthorizeSecurityGroup',
        async () => {
          calls++;
          throw new ClientError({
            statusCode: 403,
            code: 'AuthorizationLimitExceed',
            requestId: 'r',
            data: body('AuthorizationLimitExceed', 'full'),
          });
        },
        DEFAULT_RETRY_POLICY,
        env,
      ),
    ).rejects.toMatchObject({
      code: 'AuthorizationLimitExceed',
      httpStatus: 403,
      retryable: false,
    });
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });
});
