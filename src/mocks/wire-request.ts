import type { EmulatorRequest } from './emulator';

/** Protocol parameters of the older RPC signature; they are not business parameters. */
const PROTOCOL_PARAMS = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'Signature',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'SignatureType',
  'Timestamp',
  'SecurityToken',
]);

/**
 * An HTTP request in ECS wire format → the emulator's request: the action from `x-acs-action`
 * (or the `Action` parameter), parameters from the query string and, tolerated, a form body.
 */
export function toEmulatorRequest(
  url: URL,
  header: (name: string) => string | null,
  body: string,
): EmulatorRequest {
  const all = new URLSearchParams(url.search);
  const contentType = header('content-type') ?? '';
  if (body !== '' && contentType.includes('application/x-www-form-urlencoded')) {
    for (const [key, value] of new URLSearchParams(body)) if (!all.has(key)) all.append(key, value);
  }
  const params: Record<string, string> = {};
  for (const [key, value] of all) if (!PROTOCOL_PARAMS.has(key)) params[key] = value;
  return { action: header('x-acs-action') ?? all.get('Action') ?? '', params, host: url.host };
}
