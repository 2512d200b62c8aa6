/** The blast radius of a group: GET /api/regions/:region/security-groups/:id/usage. */
import { z } from 'zod';

/**
 * A part of the blast radius that could not be read: the ECS error (a missing RAM permission,
 * throttling after the retries) and the action that failed. Never shown as zero.
 */
export const usageUnavailableSchema = z.object({
  status: z.literal('unavailable'),
  code: z.string(),
  message: z.string(),
  requestId: z.string().optional(),
  action: z.string(),
});

export const usageInstanceSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.string(),
  /** The primary ENI, which carries the instance's groups; '' for a classic instance. */
  networkInterfaceId: z.string(),
  securityGroupIds: z.array(z.string()),
});

export const usageNetworkInterfaceSchema = z.object({
  id: z.string(),
  type: z.string(),
  /** '' when not attached. */
  instanceId: z.string(),
  status: z.string(),
  securityGroupIds: z.array(z.string()),
});

/** `complete` is false when the page bound stopped the read: the counts are then lower bounds. */
const pagedShape = { total: z.number().int(), complete: z.boolean() };

export const instanceUsageSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    ...pagedShape,
    running: z.number().int(),
    stopped: z.number().int(),
    other: z.number().int(),
    instances: z.array(usageInstanceSchema),
  }),
  usageUnavailableSchema,
]);

/** The secondary ENIs that carry the group (primary ENIs are the instances'). */
export const networkInterfaceUsageSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    ...pagedShape,
    networkInterfaces: z.array(usageNetworkInterfaceSchema),
  }),
  usageUnavailableSchema,
]);

/** The groups whose rules reference this one; `name` is '' when the listing did not give it. */
export const referenceUsageSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    groups: z.array(z.object({ id: z.string(), name: z.string(), aliUid: z.string() })),
  }),
  usageUnavailableSchema,
]);

export const groupUsageResponseSchema = z.object({
  groupId: z.string(),
  instances: instanceUsageSchema,
  networkInterfaces: networkInterfaceUsageSchema,
  references: referenceUsageSchema,
});

export type UsageUnavailable = z.infer<typeof usageUnavailableSchema>;
export type InstanceUsage = z.infer<typeof instanceUsageSchema>;
export type NetworkInterfaceUsage = z.infer<typeof networkInterfaceUsageSchema>;
export type ReferenceUsage = z.infer<typeof referenceUsageSchema>;
export type GroupUsageResponse = z.infer<typeof groupUsageResponseSchema>;
