/**
 * Everything under `/api/settings`: the protected sources (SPEC.md section 11). The entries of
 * PROTECTED_SOURCES are answered read-only; the console's own list is replaced as a whole by
 * PUT and kept in the journal database.
 */
import { Hono } from 'hono';
import type { Config } from '../config';
import { protectedSourcesRequestSchema, protectedSourcesResponseSchema } from '../contract';
import { validationError } from '../errors';
import type { AppEnv } from '../hono-env';
import type { Journal } from '../journal/journal';
import { labelProblem, protectedCidr } from '../../domain/protected-source-rules';
import type { ProtectedSource } from '../protected-sources';
import { send, valid } from '../validate';

export interface SettingsRouteDeps {
  config: Pick<Config, 'protectedSources'>;
  journal: Pick<Journal, 'protectedSources' | 'replaceProtectedSources'>;
}

/** The entries in canonical form; a bad one is a 400 naming `sources.<index>.<field>`. */
function canonicalSources(sources: ReadonlyArray<{ label: string; cidr: string }>) {
  return sources.map((source, index): ProtectedSource => {
    const label = source.label.trim();
    const problem = labelProblem(label);
    if (problem !== null) throw validationError(`sources.${index}.label`, problem);
    const cidr = protectedCidr(source.cidr);
    if (cidr === null) {
      throw validationError(
        `sources.${index}.cidr`,
        'is not an IP address or CIDR (e.g. 203.0.113.0/24, 198.51.100.7, 2001:db8::/32)',
      );
    }
    return { label, cidr };
  });
}

/** Routes mounted on `/api/settings`. */
export function settingsRoutes({ config, journal }: SettingsRouteDeps) {
  const answer = () =>
    send(protectedSourcesResponseSchema, {
      configured: config.protectedSources,
      edited: journal.protectedSources(),
    });
  return new Hono<AppEnv>()
    .get('/protected-sources', (c) => c.json(answer(), 200))
    .put('/protected-sources', valid('json', protectedSourcesRequestSchema), (c) => {
      journal.replaceProtectedSources(canonicalSources(c.req.valid('json').sources));
      return c.json(answer(), 200);
    });
}
