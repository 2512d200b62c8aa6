/** The pre-flight checks of a planned result (src/domain/preflight.ts) as the API carries them. */
import { z } from 'zod';
import { ruleSchema } from './contract-common';

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
