/**
 * The fields that make two rules the same ECS rule (SPEC.md section 4), listed once. Every
 * identity computation (`ruleIdentity`, the `IdentityIndex`, the revision digest) follows or is
 * tested against this list, and a test pins the API contract's rule schema to it, so a new
 * identity field cannot be added in one place only.
 */
import type { Rule } from './types';

export const IDENTITY_FIELDS = [
  'direction',
  'policy',
  'protocol',
  'portRange',
  'sourcePortRange',
  'peer',
  'localCidr',
  'portRangeListId',
  'nicType',
] as const satisfies readonly (keyof Rule)[];

/** The rule's other fields: state that Modify changes in place, and facts of one rule instance. */
export const NON_IDENTITY_FIELDS = [
  'priority',
  'description',
  'meta',
] as const satisfies readonly (keyof Rule)[];

export type IdentityField = (typeof IDENTITY_FIELDS)[number];
export type NonIdentityField = (typeof NON_IDENTITY_FIELDS)[number];

/** The identity fields whose value is a plain string (all but the peer). */
export type TextIdentityField = Exclude<IdentityField, 'peer'>;

// Compile-time proof that the two lists cover every field of `Rule`: a field added to `Rule`
// without a place in either list makes this line fail to type-check.
const everyFieldListed: Exclude<keyof Rule, IdentityField | NonIdentityField> extends never
  ? true
  : never = true;
void everyFieldListed;
