/**
 * Server configuration from environment variables, parsed once at start. A bad value stops the
 * server with a message naming the variable, never a silent default.
 */
import { z } from 'zod';

/** Default port of `npm start` (documented in the README). */
export const DEFAULT_PORT = 8787;

/**
 * Default rules per Authorize/Revoke call. ECS accepts 100, but every rule travels in the query
 * string and the service's URL-size limit is not documented: 50 typical rules make about 10 KB.
 * BATCH_SIZE=100 halves the calls. (Our own processes raise Node's 16 KiB header limit so the
 * in-process emulator accepts full batches: see package.json and vite.config.ts.)
 */
export const DEFAULT_BATCH_SIZE = 50;

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const hostNameList = z
  .string()
  .transform((raw) =>
    raw
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter((h) => h.length > 0),
  )
  .pipe(
    z.array(
      z
        .string()
        .regex(
          /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/,
          'must be a comma-separated list of host names (optionally with :port)',
        ),
    ),
  );

const envSchema = z.object({
  HOST: z.preprocess(emptyToUndefined, z.string().min(1).default('127.0.0.1')),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default('./data')),
  CONSOLE_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(16, 'must be at least 16 characters').max(512).optional(),
  ),
  ECS_MODE: z.preprocess(emptyToUndefined, z.enum(['auto', 'emulator', 'live']).default('auto')),
  ECS_ENDPOINT: z.preprocess(
    emptyToUndefined,
    z.url({ protocol: /^https?$/, error: 'must be a URL with http:// or https://' }).optional(),
  ),
  RULE_LIMIT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(10000).default(200),
  ),
  BATCH_SIZE: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(100, 'must be at most 100 (the ECS limit per call)')
      .default(DEFAULT_BATCH_SIZE),
  ),
  ALLOWED_HOSTS: z.preprocess(emptyToUndefined, hostNameList.default([])),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  EMULATOR_TEST_CONTROLS: z.preprocess(emptyToUndefined, booleanFlag.default(false)),
});

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  consoleToken?: string;
  ecsMode: 'auto' | 'emulator' | 'live';
  ecsEndpoint?: string;
  ruleLimit: number;
  batchSize: number;
  /** Extra Host header values allowed besides localhost, 127.0.0.1 and [::1]. */
  allowedHosts: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Test-only: exposes /api/_emulator/* fault injection (emulator mode only). */
  emulatorTestControls: boolean;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Parses the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration: ${lines.join('; ')}`);
  }
  const e = parsed.data;
  const config: Config = {
    host: e.HOST,
    port: e.PORT,
    dataDir: e.DATA_DIR,
    ecsMode: e.ECS_MODE,
    ruleLimit: e.RULE_LIMIT,
    batchSize: e.BATCH_SIZE,
    allowedHosts: e.ALLOWED_HOSTS,
    logLevel: e.LOG_LEVEL,
    emulatorTestControls: e.EMULATOR_TEST_CONTROLS,
  };
  if (e.CONSOLE_TOKEN !== undefined) config.consoleToken = e.CONSOLE_TOKEN;
  if (e.ECS_ENDPOINT !== undefined) config.ecsEndpoint = e.ECS_ENDPOINT;
  if (config.emulatorTestControls && config.ecsMode === 'live') {
    throw new ConfigError(
      'Invalid configuration: EMULATOR_TEST_CONTROLS: only allowed with ECS_MODE=emulator or auto',
    );
  }
  return config;
}

/** The configuration used when nothing is set (tests build on it). */
export function defaultConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({}), ...overrides };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for addresses that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Refuses a non-loopback bind address without an access token (SPEC 8). */
export function assertSafeBind(config: Config): void {
  if (!isLoopbackHost(config.host) && config.consoleToken === undefined) {
    throw new ConfigError(
      `Invalid configuration: HOST: ${config.host} is reachable from other machines; set CONSOLE_TOKEN to listen there`,
    );
  }
}
