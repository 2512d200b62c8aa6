/**
 * Server configuration from environment variables, parsed once at start. A bad value stops the
 * server with a message naming the variable, never a silent default.
 */
import net from 'node:net';
import { z } from 'zod';
import { DEFAULT_ENI_RULE_LIMIT } from '../domain/preflight';
import { parseProtectedSources, type ProtectedSource } from './protected-sources';

/** Default port of `npm start` (documented in the README). */
export const DEFAULT_PORT = 8787;

/**
 * Default rules per Authorize/Revoke call. ECS accepts 100, but every rule travels in the query
 * string and the service's URL-size limit is not documented: 50 typical rules make about 10 KB.
 * BATCH_SIZE=100 halves the calls. (Our own processes raise Node's 16 KiB header limit so the
 * in-process emulator accepts full batches: see package.json and vite.config.ts.)
 */
export const DEFAULT_BATCH_SIZE = 50;

/** How long a console login lasts unless SESSION_HOURS says otherwise. */
export const DEFAULT_SESSION_HOURS = 12;

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

/**
 * A token of one repeated character (or mostly blanks) is guessable: it must have 16
 * non-whitespace characters and more than one distinct character.
 */
const consoleToken = z
  .string()
  .max(512)
  .refine(
    (t) => t.replace(/\s/g, '').length >= 16,
    'must have at least 16 non-whitespace characters',
  )
  .refine((t) => new Set(t).size > 1, 'must not repeat one character');

/** One address or CIDR (IPv4 or IPv6) of a reverse proxy whose X-Forwarded-* headers we believe. */
function parseProxyEntry(entry: string): TrustedProxy | undefined {
  const [address, bits, extra] = entry.split('/');
  const family = net.isIP(address ?? '');
  if (family === 0 || extra !== undefined) return undefined;
  const max = family === 4 ? 32 : 128;
  if (bits === undefined)
    return { address: address!, prefix: max, family: family === 4 ? 'ipv4' : 'ipv6' };
  if (!/^\d{1,3}$/.test(bits) || Number(bits) > max) return undefined;
  return { address: address!, prefix: Number(bits), family: family === 4 ? 'ipv4' : 'ipv6' };
}

const trustedProxies = z.string().transform((raw, ctx) => {
  const entries = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e.length > 0);
  const parsed: TrustedProxy[] = [];
  for (const entry of entries) {
    const proxy = parseProxyEntry(entry);
    if (proxy === undefined) {
      ctx.addIssue({
        code: 'custom',
        message: `${entry.slice(0, 60)} is not an IP address or CIDR (e.g. 10.0.0.5, 10.0.0.0/8, ::1)`,
      });
      return z.NEVER;
    }
    parsed.push(proxy);
  }
  return parsed;
});

const protectedSources = z.string().transform((raw, ctx) => {
  try {
    return parseProtectedSources(raw);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const envSchema = z.object({
  HOST: z.preprocess(emptyToUndefined, z.string().min(1).default('127.0.0.1')),
  PORT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(0).max(65535).default(DEFAULT_PORT),
  ),
  DATA_DIR: z.preprocess(emptyToUndefined, z.string().min(1).default('./data')),
  CONSOLE_TOKEN: z.preprocess(emptyToUndefined, consoleToken.optional()),
  SESSION_HOURS: z.preprocess(
    emptyToUndefined,
    z.coerce
      .number()
      .positive()
      .max(24 * 366)
      .default(DEFAULT_SESSION_HOURS),
  ),
  TRUSTED_PROXIES: z.preprocess(emptyToUndefined, trustedProxies.default([])),
  TRUSTED_USER_HEADER: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, 'must be a header name such as X-Forwarded-Email')
      .optional(),
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
  ENI_RULE_LIMIT: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(100000).default(DEFAULT_ENI_RULE_LIMIT),
  ),
  PROTECTED_SOURCES: z.preprocess(emptyToUndefined, protectedSources.default([])),
  LOG_LEVEL: z.preprocess(
    emptyToUndefined,
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ),
  EMULATOR_TEST_CONTROLS: z.preprocess(emptyToUndefined, booleanFlag.default(false)),
  WATCH_INTERVAL_S: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(10).max(86_400).default(300),
  ),
  SNAPSHOT_RETENTION_DAYS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(36_500).default(90),
  ),
  SNAPSHOTS_PER_GROUP: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(1).max(100_000).default(100),
  ),
  AUTO_REVERT_MINUTE_MS: z.preprocess(
    emptyToUndefined,
    z.coerce.number().int().min(100).max(60_000).default(60_000),
  ),
});

/** A reverse proxy (an address, or a network in CIDR form) from TRUSTED_PROXIES. */
export interface TrustedProxy {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  consoleToken?: string;
  /** Lifetime of a login cookie (and of its server-side session), in hours. */
  sessionHours: number;
  /** Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed; none by default. */
  trustedProxies: TrustedProxy[];
  /**
   * A header (e.g. X-Forwarded-Email) naming the signed-in user, believed only from
   * TRUSTED_PROXIES: the actor journaled for what the request does.
   */
  trustedUserHeader?: string;
  ecsMode: 'auto' | 'emulator' | 'live';
  ecsEndpoint?: string;
  ruleLimit: number;
  batchSize: number;
  /** Extra Host header values allowed besides localhost, 127.0.0.1 and [::1]. */
  allowedHosts: string[];
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Rules per ENI over all its groups (the pre-flight's per-ENI quota). */
  eniRuleLimit: number;
  /** Protected sources from PROTECTED_SOURCES (shown read-only in the console). */
  protectedSources: ProtectedSource[];
  /** Test-only: exposes /api/_emulator/* fault injection (emulator mode only). */
  emulatorTestControls: boolean;
  /** Seconds between two reads of one watched group. */
  watchIntervalS: number;
  /** Snapshots older than this are pruned (unless an undo or roll back still needs them). */
  snapshotRetentionDays: number;
  /** Snapshots kept per group, newest first (same exception). */
  snapshotsPerGroup: number;
  /** Length of one auto-revert "minute" in ms: 60000, shorter only for browser tests. */
  autoRevertMinuteMs: number;
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
    sessionHours: e.SESSION_HOURS,
    trustedProxies: e.TRUSTED_PROXIES,
    ecsMode: e.ECS_MODE,
    ruleLimit: e.RULE_LIMIT,
    batchSize: e.BATCH_SIZE,
    allowedHosts: e.ALLOWED_HOSTS,
    logLevel: e.LOG_LEVEL,
    eniRuleLimit: e.ENI_RULE_LIMIT,
    protectedSources: e.PROTECTED_SOURCES,
    emulatorTestControls: e.EMULATOR_TEST_CONTROLS,
    watchIntervalS: e.WATCH_INTERVAL_S,
    snapshotRetentionDays: e.SNAPSHOT_RETENTION_DAYS,
    snapshotsPerGroup: e.SNAPSHOTS_PER_GROUP,
    autoRevertMinuteMs: e.AUTO_REVERT_MINUTE_MS,
  };
  if (e.CONSOLE_TOKEN !== undefined) config.consoleToken = e.CONSOLE_TOKEN;
  if (e.ECS_ENDPOINT !== undefined) config.ecsEndpoint = e.ECS_ENDPOINT;
  if (e.TRUSTED_USER_HEADER !== undefined) config.trustedUserHeader = e.TRUSTED_USER_HEADER;
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
