/** Impact (SPEC section 11): the traffic effect of a restore and the per-ENI quota check. */
import { z } from 'zod';
import { usageUnavailableSchema } from './contract-usage';

export const trafficPeerSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('cidrs'),
    family: z.union([z.literal(4), z.literal(6)]),
    include: z.array(z.string()),
    except: z.array(z.string()),
  }),
  z.object({ kind: z.literal('group'), groupId: z.string() }),
  z.object({ kind: z.literal('prefixList'), prefixListId: z.string() }),
]);

const reachSchema = z.enum(['allowed', 'blocked']);

export const trafficStatementSchema = z.object({
  direction: z.enum(['ingress', 'egress']),
  nicType: z.enum(['internet', 'intranet']),
  protocol: z.enum(['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all']),
  /** "from/to" for TCP and UDP; null for port-less protocols and `all`. */
  ports: z.string().nullable(),
  peer: trafficPeerSchema,
  from: reachSchema,
  to: reachSchema,
  /** Only part of this traffic changes (source ports, local addresses or port lists decide). */
  approximate: z.boolean(),
});

export const directionEffectSchema = z.object({
  statements: z.array(trafficStatementSchema),
  /** Statements left off past the limit. */
  more: z.number().int(),
});

export const trafficEffectSchema = z.object({
  ingress: directionEffectSchema,
  egress: directionEffectSchema,
});

/** Whether the per-ENI quota could be checked; unavailable is a warning, not a failed check. */
export const eniQuotaStatusSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), limit: z.number().int(), enis: z.number().int() }),
  usageUnavailableSchema,
]);

export type TrafficStatementView = z.infer<typeof trafficStatementSchema>;
export type TrafficEffectView = z.infer<typeof trafficEffectSchema>;
