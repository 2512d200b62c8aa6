/**
 * Structured logs (pino). Credentials, tokens, cookies and Authorization headers are redacted
 * wherever they appear in a logged object, so no code path can leak them by accident.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths pino censors in every log line. */
export const REDACT_PATHS = [
  'authorization',
  'cookie',
  'token',
  'consoleToken',
  'accessKeyId',
  'accessKeySecret',
  'securityToken',
  'credential',
  '*.authorization',
  '*.Authorization',
  '*.cookie',
  '*.Cookie',
  '*["set-cookie"]',
  '*.token',
  '*.consoleToken',
  '*.accessKeyId',
  '*.accessKeySecret',
  '*.securityToken',
  '*.credential',
  '*.*.authorization',
  '*.*.cookie',
  '*.*.accessKeyId',
  '*.*.accessKeySecret',
  '*.*.securityToken',
];

export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    base: { service: 'restore-rules-console' },
  };
  return destination === undefined ? pino(options) : pino(options, destination);
}
