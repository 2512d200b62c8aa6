import type { PreviewResponse, RuleView } from '../../../server/contract';

type DirectionDiff = PreviewResponse['ingress'];
export type NotRestorableView = DirectionDiff['notRestorable'][number];

/** Where a rule of the preview falls; `removed` reads "Kept" under Partially. */
export type PreviewCategory = 'added' | 'removed' | 'changed' | 'unchanged';

export interface PreviewRow {
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
    ...diff.added.map((rule, i) => ({ key: `a${i}`, category: 'added' as const, rule })),
    ...diff.removed.map((rule, i) => ({ key: `r${i}`, category: 'removed' as const, rule })),
    ...diff.changed.map((change, i) => ({
      key: `c${i}`,
      category: 'changed' as const,
      rule: change.after,
      before: change.before,
    })),
    ...diff.unchanged.map((rule, i) => ({ key: `u${i}`, category: 'unchanged' as const, rule })),
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
    },
    null,
    2,
  );
}
