/**
 * The proxy's API contract: request and response shapes as zod schemas. The server validates
 * requests with them and builds responses that satisfy them; the web client imports only the
 * inferred types (`import type`), and tests build data with them.
 */
import { z } from 'zod';
import { restoreLinksSchema } from './contract-history';
import { autoRevertMinutesSchema, autoRevertSchema } from './contract-safe-apply';
import { excludedRulesSchema, selectionViewSchema } from './contract-selection';
import type {
  RestoreMode as DomainRestoreMode,
  RestoreOptions as DomainRestoreOptions,
} from '../domain/types';
import { DESTINATION_SNAPSHOT_PATTERN, destinationSnapshotSchema } from './contract-import';
import { confirmationReasonSchema } from './contract-confirmation';

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

// ---------- shared pieces ----------

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

// ---------- session, regions, groups ----------

export const sessionSchema = z.object({
  /** 'emulator': the built-in ECS emulator with demo data; 'live': real ECS through the credential chain. */
  mode: z.enum(['emulator', 'live']),
  ruleLimit: z.number().int(),
  batchSize: z.number().int(),
  /** True when this server requires CONSOLE_TOKEN and the browser has not logged in. */
  loginRequired: z.boolean(),
  /** Present (true) when this server requires CONSOLE_TOKEN and the browser holds a live login. */
  signedIn: z.literal(true).optional(),
});

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

// ---------- pre-flight checks (src/domain/preflight.ts) ----------

const countTraceShape = {
  before: z.number().int(),
  added: z.number().int(),
  removed: z.number().int(),
  peak: z.number().int(),
  result: z.number().int(),
  limit: z.number().int(),
  rules: z.array(ruleSchema),
};
const referenceShape = { rules: z.array(ruleSchema), groupIds: z.array(z.string()) };
const rulesOnly = { rules: z.array(ruleSchema) };

/** One failed pre-flight check: its code, the numbers and the rules concerned (no text). */
export const preflightFailureSchema = z.discriminatedUnion('code', [
  z.object({ code: z.literal('rule-limit'), ...countTraceShape }),
  z.object({ code: z.literal('group-reference-limit'), ...countTraceShape }),
  z.object({
    code: z.literal('eni-rule-limit'),
    limit: z.number().int(),
    enis: z.array(
      z.object({
        eniId: z.string(),
        others: z.number().int(),
        source: z.number().int(),
        total: z.number().int(),
      }),
    ),
    ...rulesOnly,
  }),
  z.object({ code: z.literal('enterprise-group-reference'), ...rulesOnly }),
  z.object({ code: z.literal('reference-missing'), ...referenceShape }),
  z.object({ code: z.literal('reference-other-vpc'), ...referenceShape }),
  z.object({ code: z.literal('reference-self'), ...referenceShape }),
  z.object({
    code: z.literal('field-priority'),
    min: z.number().int(),
    max: z.number().int(),
    ...rulesOnly,
  }),
  z.object({
    code: z.literal('field-description'),
    limit: z.number().int(),
    longest: z.number().int(),
    ...rulesOnly,
  }),
  z.object({ code: z.literal('field-port-range'), ...rulesOnly }),
  z.object({ code: z.literal('field-cidr'), ...rulesOnly }),
  z.object({ code: z.literal('service-managed'), ...rulesOnly }),
  z.object({ code: z.literal('port-range-list-classic'), ...rulesOnly }),
]);

export type PreflightFailureView = z.infer<typeof preflightFailureSchema>;

// ---------- restore preview ----------

export const previewRequestSchema = z
  .object({
    /** A group (sg-…) or a snapshot (snap-…, also an imported file) to restore from. */
    destinationId: z.union([groupIdSchema, z.string().regex(DESTINATION_SNAPSHOT_PATTERN)], {
      error: 'is not a security group ID (sg-...) or a snapshot ID (snap-...)',
    }),
    mode: restoreModeSchema,
    options: restoreOptionsSchema.default({
      recreateSystemRules: false,
      retargetSelfReferences: false,
    }),
    /** Rule identities of the rows to leave as they are (cherry-pick); none by default. */
    excluded: excludedRulesSchema.optional(),
  })
  .strict();

export const notRestorableSchema = z.object({
  rule: ruleSchema,
  side: z.enum(['source', 'destination']),
  reason: z.enum([
    'system-rule',
    'system-rule-kept',
    'cross-vpc-reference',
    'enterprise-drop',
    'enterprise-group-reference',
    'self-reference',
    'description-not-clearable',
  ]),
});

export const directionDiffSchema = z.object({
  added: z.array(ruleSchema),
  removed: z.array(ruleSchema),
  changed: z.array(z.object({ before: ruleSchema, after: ruleSchema })),
  unchanged: z.array(ruleSchema),
  notRestorable: z.array(notRestorableSchema),
});

export const planStepViewSchema = z.object({
  id: z.string(),
  index: z.number().int(),
  phase: z.enum(['opening', 'closing']),
  action: z.enum(['authorize', 'revoke', 'modify']),
  direction: z.enum(['ingress', 'egress']),
  ruleCount: z.number().int(),
  early: z.boolean(),
});

export const warningSchema = z.object({
  kind: z.enum([
    'open-ssh-to-world',
    'open-rdp-to-world',
    'open-all-to-world',
    'rule-limit-early-removals',
    'self-reference',
  ]),
  rules: z.array(ruleSchema),
});

export const previewSummarySchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  notRestorable: z.number().int(),
});

export const previewResponseSchema = z.object({
  source: securityGroupSummarySchema,
  /** The destination group; for undo and rollback, the source itself (its pre-restore snapshot). */
  destination: securityGroupSummarySchema,
  /** Set when the destination is a snapshot (or an imported file): `destination` is its group. */
  destinationSnapshot: destinationSnapshotSchema.optional(),
  mode: restoreModeSchema,
  options: restoreOptionsSchema,
  ingress: directionDiffSchema,
  egress: directionDiffSchema,
  summary: previewSummarySchema,
  plan: z.object({
    steps: z.array(planStepViewSchema),
    calls: z.number().int(),
    earlyRemovals: z.array(ruleSchema),
    makeBeforeBreak: z.boolean(),
  }),
  warnings: z.array(warningSchema),
  /** Failed pre-flight checks (SPEC section 10); empty when all pass. OK stays disabled otherwise. */
  checks: z.array(preflightFailureSchema),
  revision: z.string(),
  /** Nothing would change: OK stays disabled. */
  identical: z.boolean(),
  // Impact (SPEC section 11); the schemas are at the end of this file.
  /** The source's rules as read (the packet check's "before"). */
  before: z.array(ruleSchema),
  /** The source's rules after the plan (the packet check's "after"). */
  expected: z.array(ruleSchema),
  traffic: z.lazy(() => trafficEffectSchema),
  eniQuota: z.lazy(() => eniQuotaStatusSchema),
  protectedBlocked: z.array(z.lazy(() => protectedBlockedSchema)),
  /** Non-null when OK needs the source group's name typed (`confirmName` of the start). */
  confirmationRequired: z.lazy(() => confirmationRequiredSchema).nullable(),
  /** The rows the plan leaves as they are; the tables above still list them. */
  selection: selectionViewSchema,
});

// ---------- restores (jobs, journal, history) ----------

export const startRestoreRequestSchema = previewRequestSchema
  .extend({
    revision: z.string().min(1).max(128),
    /** The source group's name, typed; required when the preview asks for a confirmation. */
    confirmName: z.string().max(256).optional(),
    /** Revert automatically this many minutes after the restore verifies, unless kept. */
    autoRevertMinutes: autoRevertMinutesSchema.optional(),
  })
  .strict();
export const undoRequestSchema = z
  .object({
    revision: z.string().min(1).max(128),
    /** The source group's name, typed; required when the undo preview asks for a confirmation. */
    confirmName: z.string().max(256).optional(),
  })
  .strict();

export const restoreAcceptedSchema = z.object({ restoreId: z.string() });

export const restoreKindSchema = z.enum(['restore', 'rollback', 'undo']);
export const restoreStatusSchema = z.enum([
  /** Journal written, first call not yet made. */
  'pending',
  'running',
  /** Every step applied and the verification read matched. */
  'succeeded',
  /** A step failed for good; the journal says what was applied and what remains. */
  'failed',
  /** The server stopped while this restore ran (found at start-up). */
  'interrupted',
  /** Refused before any write: the plan failed a pre-flight check (the error lists them). */
  'refused',
  /** Stop after this step: the step in flight finished, no more were applied. */
  'stopped',
]);

/**
 * How the runner settled a step whose call ended without an answer (retries spent on a 5xx or a
 * dropped connection): by reading the source again. `unresolved` when that read failed too.
 */
export const stepResolutionSchema = z.object({
  applied: z.enum(['applied', 'not-applied', 'partly-applied', 'unresolved']),
  /** RequestId of the read that decided it (absent when it failed). */
  readRequestId: z.string().optional(),
  /** Rules of the step found in their desired state (authorize, modify) or gone (revoke). */
  present: z.number().int(),
  /** Rules of the step not in that state. */
  absent: z.number().int(),
  /** Why the read could not decide it. */
  readError: apiErrorSchema.optional(),
});

/** A Retry remaining that the server refused (the restore stays as it was). */
export const refusalSchema = z.object({
  at: z.string(),
  /** The attempt number the refused retry would have started. */
  attempt: z.number().int(),
  error: apiErrorSchema,
});

/** One wait of the ECS adapter before it called again (throttling, 5xx, a dropped connection). */
export const stepRetrySchema = z.object({
  /** The code of the failure that was retried, e.g. Throttling.User. */
  code: z.string(),
  /** 1 for the first retry. */
  retry: z.number().int(),
  /** Retries the adapter allows for one call. */
  of: z.number().int(),
  delayMs: z.number().int(),
  at: z.string(),
});

export const stepOutcomeSchema = planStepViewSchema.extend({
  /** `unknown`: the call went unanswered and the read that should have settled it failed. */
  status: z.enum(['pending', 'running', 'applied', 'failed', 'unknown']),
  /** Present when the call went unanswered and the runner read the source to settle it. */
  outcome: stepResolutionSchema.optional(),
  attempts: z.number().int(),
  requestId: z.string().optional(),
  error: apiErrorSchema.optional(),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
  rules: z.array(ruleSchema),
  /** Added by the server helper: 1 for the first run; each Retry remaining plans a new attempt. */
  attempt: z.number().int().optional(),
  /** The adapter's waits before calling again, oldest first (absent when there were none). */
  retries: z.array(stepRetrySchema).optional(),
});

export const verificationSchema = z.object({
  status: z.enum(['pending', 'passed', 'failed']),
  /** Expected rules ECS does not report. */
  missing: z.array(ruleSchema),
  /** Rules ECS reports that the plan did not expect. */
  unexpected: z.array(ruleSchema),
});

export const restoreSummarySchema = z.object({
  id: z.string(),
  kind: restoreKindSchema,
  /** For rollback/undo: the restore whose snapshot is the target. */
  parentId: z.string().optional(),
  regionId: z.string(),
  source: z.object({ id: z.string(), name: z.string() }),
  destination: z.object({ id: z.string(), name: z.string() }),
  mode: restoreModeSchema,
  status: restoreStatusSchema,
  createdAt: z.string(),
  finishedAt: z.string().optional(),
  summary: previewSummarySchema,
  stepsTotal: z.number().int(),
  stepsApplied: z.number().int(),
  /** Who started it: the SSO user named by a trusted proxy, "console token" or "local". */
  actor: z.string(),
});

export const restoreDetailSchema = restoreSummarySchema.extend({
  options: restoreOptionsSchema,
  revision: z.string(),
  steps: z.array(stepOutcomeSchema),
  verification: verificationSchema,
  /** The source's rules just before this restore (the undo / rollback target). */
  snapshot: z.array(ruleSchema),
  expected: z.array(ruleSchema),
  error: apiErrorSchema.optional(),
  /** Retries the server refused because their plan failed a pre-flight check. */
  refusals: z.array(refusalSchema).optional(),
  /** Added by the server helper: the current attempt (steps of earlier attempts keep theirs). */
  attempt: z.number().int().optional(),
  /** While running: `verifying` once every step of the current attempt is applied. */
  phase: z.enum(['applying', 'verifying']).optional(),
  /** While the running step waits to call ECS again: the latest wait, and the step's ID. */
  retrying: stepRetrySchema.extend({ stepId: z.string() }).optional(),
  /** What undid or rolled back this restore, and who retried it (SPEC 14). */
  links: restoreLinksSchema,
  /** The confirm-or-revert timer, when the restore asked for one. */
  autoRevert: autoRevertSchema.optional(),
  /** Added by the server helper: facts of the current attempt's plan. */
  plan: z
    .object({
      calls: z.number().int(),
      earlyRemovals: z.array(ruleSchema),
      makeBeforeBreak: z.boolean(),
      /** Cherry-pick: rule identities the restore left as they are (absent: none). */
      excluded: z.array(z.string()).optional(),
    })
    .optional(),
});

export const restoreListQuerySchema = z
  .object({
    cursor: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
    sourceId: groupIdSchema.optional(),
    status: restoreStatusSchema.optional(),
    kind: restoreKindSchema.optional(),
    actor: z.string().min(1).max(256).optional(),
    /** Created at or after / before these times (ISO 8601). */
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export const restoreListResponseSchema = z.object({
  restores: z.array(restoreSummarySchema),
  /** '' on the last page. */
  nextCursor: z.string(),
});

/** Added by the server helper: POST /api/login (only when CONSOLE_TOKEN is set); answers the session. */
export const loginRequestSchema = z.object({ token: z.string().min(1).max(512) }).strict();

export type ApiError = z.infer<typeof apiErrorSchema>;
export type Session = z.infer<typeof sessionSchema>;
export type RegionView = z.infer<typeof regionSchema>;
export type SecurityGroupView = z.infer<typeof securityGroupSummarySchema>;
export type ListGroupsQuery = z.input<typeof listGroupsQuerySchema>;
export type GroupListResponse = z.infer<typeof groupListResponseSchema>;
export type GroupDetailResponse = z.infer<typeof groupDetailResponseSchema>;
export type RestoreMode = z.infer<typeof restoreModeSchema>;
export type RestoreOptions = z.infer<typeof restoreOptionsSchema>;
export type PreviewRequest = z.input<typeof previewRequestSchema>;
/** A preview request with its defaults filled in: what the Restore Rules dialog holds. */
export type PreviewParams = z.infer<typeof previewRequestSchema>;
export type PreviewResponse = z.infer<typeof previewResponseSchema>;
export type StartRestoreRequest = z.input<typeof startRestoreRequestSchema>;
export type RestoreAccepted = z.infer<typeof restoreAcceptedSchema>;
export type RestoreSummary = z.infer<typeof restoreSummarySchema>;
export type RestoreDetail = z.infer<typeof restoreDetailSchema>;
export type RestoreListResponse = z.infer<typeof restoreListResponseSchema>;
export type RestoreListQuery = z.infer<typeof restoreListQuerySchema>;
export type StepOutcome = z.infer<typeof stepOutcomeSchema>;
export type StepResolution = z.infer<typeof stepResolutionSchema>;
export type StepRetry = z.infer<typeof stepRetrySchema>;
export type Refusal = z.infer<typeof refusalSchema>;
export type RuleView = z.infer<typeof ruleSchema>;
export type WarningView = z.infer<typeof warningSchema>;
export type LoginRequest = z.infer<typeof loginRequestSchema>;

// ---------- blast radius: GET /api/regions/:region/security-groups/:id/usage ----------

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

// ---------- snapshots, watches, timeline, compare, clone, export (SPEC section 12) ----------

export const SNAPSHOT_ID_PATTERN = /^snap-[a-z0-9]{6,40}$/;
export const snapshotIdSchema = z.string().regex(SNAPSHOT_ID_PATTERN, 'is not a snapshot ID');

export const snapshotKindSchema = z.enum([
  'manual',
  'before-restore',
  'before-undo',
  'before-rollback',
  'watch',
  'import',
]);

/** POST /api/regions/:region/security-groups/:id/snapshots. */
export const createSnapshotRequestSchema = z
  .object({ note: z.string().trim().max(500).default('') })
  .strict();

export const snapshotSummarySchema = z.object({
  id: z.string(),
  regionId: z.string(),
  group: groupInfoSchema,
  kind: snapshotKindSchema,
  note: z.string(),
  /** Same rules (identity, priority, description) ⇔ same digest. */
  digest: z.string(),
  ruleCount: z.number().int(),
  createdAt: z.string(),
  /** "local", "console token" or "watch". */
  createdBy: z.string(),
  /** The restore, undo or roll back this snapshot was taken before. */
  restoreId: z.string().optional(),
});

export const snapshotDetailSchema = snapshotSummarySchema.extend({ rules: z.array(ruleSchema) });

export const snapshotListQuerySchema = z
  .object({
    regionId: regionIdSchema.optional(),
    groupId: groupIdSchema.optional(),
    cursor: z
      .string()
      .regex(/^\d{1,18}$/, 'is not a cursor of this list')
      .optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const snapshotListResponseSchema = z.object({
  snapshots: z.array(snapshotSummarySchema),
  /** '' on the last page. */
  nextCursor: z.string(),
});

/** PUT /api/regions/:region/security-groups/:id/watch. */
export const watchRequestSchema = z.object({ watched: z.boolean() }).strict();

export const watchSchema = z.object({
  regionId: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  /** deleted: the group no longer exists; it is not read again. */
  status: z.enum(['active', 'deleted']),
  nextReadAt: z.string(),
  /** Extra wait after throttling, in seconds (0: none). */
  backoffSeconds: z.number(),
  lastReadAt: z.string().optional(),
  lastError: apiErrorSchema.optional(),
});

export const watchStateSchema = z.object({ watched: z.boolean(), watch: watchSchema.optional() });
export const watchListResponseSchema = z.object({ watches: z.array(watchSchema) });

export const timelineEntrySchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('snapshot'),
    id: z.string(),
    kind: snapshotKindSchema,
    at: z.string(),
    by: z.string(),
    note: z.string(),
    ruleCount: z.number().int(),
    digest: z.string(),
    restoreId: z.string().optional(),
  }),
  z.object({
    type: z.literal('restore'),
    id: z.string(),
    kind: restoreKindSchema,
    status: restoreStatusSchema,
    at: z.string(),
    finishedAt: z.string().optional(),
    by: z.string(),
    destination: z.object({ id: z.string(), name: z.string() }),
    parentId: z.string().optional(),
    /** The snapshot of the rules before it; absent once retention pruned it. */
    snapshotId: z.string().optional(),
    summary: previewSummarySchema,
  }),
]);

export const timelineResponseSchema = z.object({
  regionId: z.string(),
  groupId: z.string(),
  /** Newest first. */
  entries: z.array(timelineEntrySchema),
});

/** A point to compare: a snapshot ID, or `live` for the group's rules now. */
export const comparePointSchema = z.union([z.literal('live'), snapshotIdSchema]);
export const compareQuerySchema = z
  .object({ from: comparePointSchema, to: comparePointSchema })
  .strict();

export const comparePointViewSchema = z.object({
  point: z.string(),
  /** When the rules were taken (now for live). */
  at: z.string(),
  ruleCount: z.number().int(),
  digest: z.string(),
});

/** `from` → `to` in the preview's terms: added = only in `to`, removed = only in `from`. */
export const compareResponseSchema = z.object({
  from: comparePointViewSchema,
  to: comparePointViewSchema,
  ingress: directionDiffSchema,
  egress: directionDiffSchema,
  summary: previewSummarySchema,
  identical: z.boolean(),
});

/** ECS: 2–128 characters, starting with a letter, not with http:// or https://. */
export const securityGroupNameSchema = z
  .string()
  .trim()
  .min(2, 'must have 2 to 128 characters')
  .max(128, 'must have 2 to 128 characters')
  .regex(
    /^[\p{L}][\p{L}\p{N}._:\- ]*$/u,
    'must start with a letter and hold letters, digits, periods, underscores, colons, hyphens and spaces',
  )
  .refine((name) => !/^https?:\/\//i.test(name), 'must not start with http:// or https://');

/** POST /api/regions/:region/security-groups/:id/clone. */
export const cloneRequestSchema = z
  .object({
    name: securityGroupNameSchema.optional(),
    description: z
      .string()
      .trim()
      .min(2, 'must have 2 to 256 characters')
      .max(256, 'must have 2 to 256 characters')
      .refine((d) => !/^https?:\/\//i.test(d), 'must not start with http:// or https://')
      .optional(),
  })
  .strict();

export const cloneAcceptedSchema = z.object({ groupId: z.string(), restoreId: z.string() });

export const exportQuerySchema = z
  .object({ format: z.enum(['json', 'csv']).default('json') })
  .strict();

export type SnapshotKind = z.infer<typeof snapshotKindSchema>;
export type SnapshotSummary = z.infer<typeof snapshotSummarySchema>;
export type SnapshotDetail = z.infer<typeof snapshotDetailSchema>;
export type SnapshotListResponse = z.infer<typeof snapshotListResponseSchema>;
export type WatchView = z.infer<typeof watchSchema>;
export type WatchListResponse = z.infer<typeof watchListResponseSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type TimelineResponse = z.infer<typeof timelineResponseSchema>;
export type CompareResponse = z.infer<typeof compareResponseSchema>;
export type CloneRequest = z.input<typeof cloneRequestSchema>;
export type CloneAccepted = z.infer<typeof cloneAcceptedSchema>;

// ---------- impact: traffic effect, per-ENI check, protected sources ----------

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

export const protectedSourceSchema = z.object({ label: z.string(), cidr: z.string() });

export const protectedBlockedSchema = protectedSourceSchema.extend({
  statements: z.array(trafficStatementSchema),
});

export const confirmationRequiredSchema = z.object({
  /** The first of `reasons`, for readers that know one reason. */
  reason: z.enum(['protected-source', 'running-instances', 'instances-unread']),
  /** Every reason that applies, protected source first (see contract-confirmation.ts). */
  reasons: z.array(confirmationReasonSchema).min(1),
});

/** PUT body: the console's own entries (the setting's are read-only and not sent). */
export const protectedSourcesRequestSchema = z
  .object({
    sources: z
      .array(z.object({ label: z.string(), cidr: z.string() }).strict())
      .max(100, 'must list at most 100 entries'),
  })
  .strict();

export const protectedSourcesResponseSchema = z.object({
  /** From PROTECTED_SOURCES: shown read-only. */
  configured: z.array(protectedSourceSchema),
  /** Edited in the console, stored in the journal. */
  edited: z.array(protectedSourceSchema),
});

export type TrafficStatementView = z.infer<typeof trafficStatementSchema>;
export type TrafficEffectView = z.infer<typeof trafficEffectSchema>;
export type ProtectedSourceView = z.infer<typeof protectedSourceSchema>;
export type ProtectedSourcesResponse = z.infer<typeof protectedSourcesResponseSchema>;
export type ProtectedSourcesRequest = z.infer<typeof protectedSourcesRequestSchema>;
export * from './contract-history';
export * from './contract-safe-apply';
export * from './contract-rollback';
export * from './contract-import';
export * from './contract-selection';
export * from './contract-confirmation';
