/** ECS error answers: an HTTP status plus the {RequestId, HostId, Code, Message, Recommend} body. */

export class EcsApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'EcsApiError';
  }
}

export function errorBody(
  error: { code: string; message: string },
  requestId: string,
  host: string,
) {
  return {
    RequestId: requestId,
    HostId: host,
    Code: error.code,
    Message: error.message,
    Recommend: `https://api.aliyun.com/troubleshoot?q=${encodeURIComponent(error.code)}&product=Ecs&requestId=${requestId}`,
  };
}

/** Shorthands for the answers used in several actions. */
export const fail = {
  missing: (name: string) =>
    new EcsApiError(
      400,
      `MissingParameter`,
      `The input parameter "${name}" that is mandatory for processing this request is not supplied.`,
    ),
  invalid: (code: string, message: string) => new EcsApiError(400, code, message),
  forbidden: (code: string, message: string) => new EcsApiError(403, code, message),
  notFound: (code: string, message: string) => new EcsApiError(404, code, message),
  regionNotFound: () =>
    new EcsApiError(404, 'InvalidRegionId.NotFound', 'The specified RegionId does not exist.'),
  groupNotFound: () =>
    new EcsApiError(
      404,
      'InvalidSecurityGroupId.NotFound',
      'The specified SecurityGroupId does not exist.',
    ),
};
