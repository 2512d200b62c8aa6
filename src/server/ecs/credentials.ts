/**
 * Credentials for the ECS adapter: the default chain of `@alicloud/credentials` for live mode,
 * static keys for the emulator and tests.
 */
import CredentialModule, { Config as CredentialConfig } from '@alicloud/credentials';

/** The credential client type the SDK's Config accepts. */
export type Credential = InstanceType<typeof CredentialModule>;
type CredentialClass = typeof CredentialModule;

/**
 * Under Node's ESM loader the default import of this CommonJS package is its `module.exports`
 * (the class is at `.default`); under a bundler it is the class itself. Accept both.
 */
const CredentialClient: CredentialClass =
  typeof CredentialModule === 'function'
    ? CredentialModule
    : (CredentialModule as unknown as { default: CredentialClass }).default;

export interface ResolvedCredentials {
  client: Credential;
  /** Which provider of the chain answered, e.g. "default/env" or "default/ecs_ram_role". */
  source: string;
}

export interface ResolveCredentialsOptions {
  /** Give up after this long (a missing metadata service must not hang start-up). Default 5000. */
  timeoutMs?: number;
}

/**
 * Asks the default credential chain (environment, OIDC, CLI profile, credentials file, ECS RAM
 * role unless ALIBABA_CLOUD_ECS_METADATA_DISABLED=true, credentials URI) for credentials.
 * Resolves `null` when the chain finds none or does not answer in time; never throws.
 */
export async function resolveCredentials(
  options: ResolveCredentialsOptions = {},
): Promise<ResolvedCredentials | null> {
  const timeoutMs = options.timeoutMs ?? 5000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const client = new CredentialClient();
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs);
      timer.unref?.();
    });
    const model = await Promise.race([client.getCredential(), timeout]);
    if (!model?.accessKeyId || !model.accessKeySecret) return null;
    return { client, source: model.providerName ?? 'default' };
  } catch {
    return null;
  } finally {
    if (timer) clearTimeout(timer);
  }
}

/** A credential client holding fixed keys (emulator mode and tests; never the chain). */
export function staticCredential(
  accessKeyId: string,
  accessKeySecret: string,
  securityToken?: string,
): Credential {
  const config = new CredentialConfig({
    type: securityToken ? 'sts' : 'access_key',
    accessKeyId,
    accessKeySecret,
    ...(securityToken ? { securityToken } : {}),
  });
  return new CredentialClient(config);
}
