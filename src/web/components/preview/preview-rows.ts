import { ruleIdentity } from '../../../domain/normalize';
import type { PreviewResponse, RuleView } from '../../../server/contract';
import { ruleRowKey } from '../rule-row-key';

type DirectionDiff = PreviewResponse['ingress'];
export type NotRestorableView = DirectionDiff['notRestorable'][number];

/** Where a rule of the preview falls; `removed` reads "Kept" under Partially. */
export type PreviewCategory = 'added' | 'removed' | 'changed' | 'unchanged';

export interface PreviewRow {
  /** Unique within a direction: the category, then the rule's identity and ECS rule ID. */
  key: string;
  category: PreviewCategory;
  /** The rule as it will be (for `changed`, the destination's priority and description). */
  rule: RuleView;
  /** For `changed`: the source's rule as it is. */
  before?: RuleView;
  /** A removal the rule limit moves before the additions (the plan's early removals). */
  early?: boolean;
  /** The rule identity a cherry-pick excludes the row by; set on rows the restore would apply. */
  identity?: string;
}

const ORDER: Record<PreviewCategory, number> = { added: 0, removed: 1, changed: 2, unchanged: 3 };

/** The keys `previewRows` matches early removals by: the rule's identity and ECS rule ID. */
export function earlyRemovalKeys(preview: PreviewResponse): ReadonlySet<string> {
  return new Set(preview.plan.earlyRemovals.map((rule) => ruleRowKey(rule)));
}

/**
 * The rows of one direction of a preview, changes first; removals in `early` are marked. Rows the
 * restore applies carry their identity (Added always; Removed and Changed only under Completely,
 * since Partially keeps them anyway), so the dialog can offer them for cherry-pick.
 */
export function previewRows(
  diff: DirectionDiff,
  early: ReadonlySet<string> = new Set(),
  mode: 'completely' | 'partially' = 'completely',
): PreviewRow[] {
  const applied = (rule: RuleView) =>
    mode === 'completely' ? { identity: ruleIdentity(rule) } : {};
  const rows: PreviewRow[] = [
    ...diff.added.map((rule) => ({
      key: ruleRowKey(rule, 'added'),
      category: 'added' as const,
      rule,
      identity: ruleIdentity(rule),
    })),
    ...diff.removed.map((rule) => ({
      key: ruleRowKey(rule, 'removed'),
      category: 'removed' as const,
      rule,
      ...(early.has(ruleRowKey(rule)) ? { early: true } : {}),
      ...applied(rule),
    })),
    // The source's rule keys a change: it carries the ECS rule ID that is modified in place.
    ...diff.changed.map((change) => ({
      key: ruleRowKey(change.before, 'changed'),
      category: 'changed' as const,
      rule: change.after,
      before: change.before,
      ...applied(change.before),
    })),
    ...diff.unchanged.map((rule) => ({
      key: ruleRowKey(rule, 'unchanged'),
      category: 'unchanged' as const,
      rule,
    })),
  ];
  return rows.sort((a, b) => ORDER[a.category] - ORDER[b.category]);
}

/**
 * What the source would hold after Completely Restore: the destination's restorable rules (the
 * added, unchanged and changed rows of either mode), and how many of them reference a group.
 */
export function completelyResult(preview: PreviewResponse): { rules: number; references: number } {
  const rules = (['ingress', 'egress'] as const).flatMap((d) => [
    ...preview[d].added,
    ...preview[d].unchanged,
    ...preview[d].changed.map((change) => change.after),
  ]);
  return { rules: rules.length, references: rules.filter((r) => r.peer.kind === 'group').length };
}

/** The counts shown on a direction's tab. */
export function directionCounts(diff: DirectionDiff) {
  return {
    added: diff.added.length,
    removed: diff.removed.length,
    changed: diff.changed.length,
    unchanged: diff.unchanged.length,
    notRestorable: diff.notRestorable.length,
  };
}

/** The plan as the user reviewed it, for "Copy plan as JSON". */
export function planJson(preview: PreviewResponse): string {
  return JSON.stringify(
    {
      source: {
        id: preview.source.id,
        name: preview.source.name,
        regionId: preview.source.regionId,
      },
      destination: { id: preview.destination.id, name: preview.destination.name },
      mode: preview.mode,
      options: preview.options,
      revision: preview.revision,
      summary: preview.summary,
      plan: preview.plan,
      warnings: preview.warnings.map((w) => ({ kind: w.kind, rules: w.rules.length })),
      ingress: preview.ingress,
      egress: preview.egress,
      traffic: preview.traffic,
      selection: preview.selection,
    },
    null,
    2,
  );
}
