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
}

const ORDER: Record<PreviewCategory, number> = { added: 0, removed: 1, changed: 2, unchanged: 3 };

/** The rows of one direction of a preview, changes first. */
export function previewRows(diff: DirectionDiff): PreviewRow[] {
  const rows: PreviewRow[] = [
    ...diff.added.map((rule) => ({
      key: ruleRowKey(rule, 'added'),
      category: 'added' as const,
      rule,
    })),
    ...diff.removed.map((rule) => ({
      key: ruleRowKey(rule, 'removed'),
      category: 'removed' as const,
      rule,
    })),
    // The source's rule keys a change: it carries the ECS rule ID that is modified in place.
    ...diff.changed.map((change) => ({
      key: ruleRowKey(change.before, 'changed'),
      category: 'changed' as const,
      rule: change.after,
      before: change.before,
    })),
    ...diff.unchanged.map((rule) => ({
      key: ruleRowKey(rule, 'unchanged'),
      category: 'unchanged' as const,
      rule,
    })),
  ];
  return rows.sort((a, b) => ORDER[a.category] - ORDER[b.category]);
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
    },
    null,
    2,
  );
}
