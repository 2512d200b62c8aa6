/**
 * The contract's shared vocabulary: the ID patterns, a rule as the API carries it, the restore
 * options and the one error shape. A leaf: the other contract files build on it.
 */
import { z } from 'zod';
import type {
  RestoreMode as DomainRestoreMode,
  RestoreOptions as DomainRestoreOptions,
} from '../domain/types';

/** Region IDs look like cn-hangzhou, ap-southeast-1, us-west-1; checked again against DescribeRegions. */
export const REGION_ID_PATTERN = /^[a-z]{2,4}(?:-[a-z0-9]{1,20}){1,4}$/;
/** Security group IDs: sg- followed by lower-case letters and digits. */
export const GROUP_ID_PATTERN = /^sg-[a-z0-9]{6,40}$/;
export const RESTORE_ID_PATTERN = /^rst-[a-z0-9]{6,40}$/;

export const regionIdSchema = z.string().regex(REGION_ID_PATTERN, 'is not a region ID');
export const groupIdSchema = z
  .string()
  .regex(GROUP_ID_PATTERN, 'is not a security group ID (sg-...)');
export const restoreIdSchema = z.string().regex(RESTORE_ID_PATTERN, 'is not a restore ID');

export const restoreModeSchema = z.enum([
  'completely',
  'partially',
]) satisfies z.ZodType<DomainRestoreMode>;
export const languageSchema = z.enum(['en-US', 'zh-CN']);

export const peerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('cidr'), cidr: z.string() }),
  z.object({ kind: z.literal('ipv6'), cidr: z.string() }),
  z.object({ kind: z.literal('group'), groupId: z.string(), ownerAccount: z.string() }),
  z.object({ kind: z.literal('prefixList'), prefixListId: z.string() }),
]);

export const ruleSchema = z.object({
  direction: z.enum(['ingress', 'egress']),
  policy: z.enum(['accept', 'drop']),
  protocol: z.enum(['tcp', 'udp', 'icmp', 'icmpv6', 'gre', 'all']),
  portRange: z.string(),
  sourcePortRange: z.string(),
  peer: peerSchema,
  localCidr: z.string(),
  portRangeListId: z.string(),
  nicType: z.enum(['internet', 'intranet']),
  priority: z.number().int(),
  description: z.string(),
  meta: z.object({
    ruleId: z.string().optional(),
    peerName: z.string().optional(),
    createTime: z.string().optional(),
    portRangeListName: z.string().optional(),
  }),
});

export const restoreOptionsSchema = z
  .object({
    recreateSystemRules: z.boolean().default(false),
    retargetSelfReferences: z.boolean().default(false),
  })
  .strict() satisfies z.ZodType<DomainRestoreOptions>;

export const apiErrorSchema = z.object({
  /** ECS code (e.g. Forbidden.RAM) or one of ours (ValidationError, StalePreview, RestoreInProgress ...). */
  code: z.string(),
  /** A sentence a person can act on. */
  message: z.string(),
  requestId: z.string().optional(),
  /** e.g. { field: 'destinationId' } for validation errors, or a fresh preview for StalePreview. */
  details: z.unknown().optional(),
});

export type ApiError = z.infer<typeof apiErrorSchema>;
export type RestoreMode = z.infer<typeof restoreModeSchema>;
export type RestoreOptions = z.infer<typeof restoreOptionsSchema>;
export type RuleView = z.infer<typeof ruleSchema>;
