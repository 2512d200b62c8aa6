/** Regions and security groups: the list (searched, paged) and one group with its rules. */
import { z } from 'zod';
import { ruleSchema } from './contract-common';

export const regionSchema = z.object({
  regionId: z.string(),
  localName: z.string(),
  endpoint: z.string(),
  status: z.enum(['available', 'soldOut']),
});
export const regionsResponseSchema = z.object({ regions: z.array(regionSchema) });

export const groupInfoSchema = z.object({
  id: z.string(),
  name: z.string(),
  regionId: z.string(),
  vpcId: z.string(),
  type: z.enum(['normal', 'enterprise']),
});

export const securityGroupSummarySchema = groupInfoSchema.extend({
  description: z.string(),
  creationTime: z.string(),
  ruleCount: z.number().int(),
  serviceManaged: z.boolean(),
});

/** Query of GET /api/regions/:region/security-groups. */
export const listGroupsQuerySchema = z
  .object({
    /** sg-... matches the ID, vpc-... the VPC, anything else a case-insensitive part of the name. */
    search: z.string().trim().max(128).optional(),
    vpcId: z
      .string()
      .regex(/^vpc-[a-z0-9]{4,40}$/, 'is not a VPC ID (vpc-...)')
      .optional(),
    nextToken: z.string().max(512).optional(),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const groupListResponseSchema = z.object({
  groups: z.array(securityGroupSummarySchema),
  /** '' on the last page. */
  nextToken: z.string(),
});

export const groupDetailResponseSchema = z.object({
  group: securityGroupSummarySchema,
  innerAccessPolicy: z.string(),
  rules: z.array(ruleSchema),
});

export type RegionView = z.infer<typeof regionSchema>;
export type SecurityGroupView = z.infer<typeof securityGroupSummarySchema>;
export type ListGroupsQuery = z.input<typeof listGroupsQuerySchema>;
export type GroupListResponse = z.infer<typeof groupListResponseSchema>;
export type GroupDetailResponse = z.infer<typeof groupDetailResponseSchema>;
