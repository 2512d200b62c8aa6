/**
 * Cherry-pick in the API contract (SPEC.md section 13): the rows a restore leaves as they are,
 * named by rule identity (the `ruleIdentity` key of the domain: direction first, then the other
 * identity fields joined by "|").
 */
import { z } from 'zod';

/** More than two groups at the ECS rule limit can hold: a longer list is a bad request. */
export const MAX_EXCLUDED_RULES = 4000;

/** One rule identity; real ones are well under this length. */
export const ruleIdentityKeySchema = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^(ingress|egress)\|/, 'a rule identity starts with its direction (ingress| or egress|)');

export const excludedRulesSchema = z
  .array(ruleIdentityKeySchema)
  .max(MAX_EXCLUDED_RULES)
  .refine((keys) => new Set(keys).size === keys.length, 'each rule identity is listed once');

/** Which rows of the preview the restore leaves as they are (those of the request that matched). */
export const selectionViewSchema = z.object({ excluded: z.array(z.string()) });

export type SelectionView = z.infer<typeof selectionViewSchema>;
