import { Checkbox, Flex } from 'antd';
import type { RestoreMode } from '../../../server/contract';
import { useT } from '../../i18n/use-t';
import type { PreviewRow } from './preview-rows';
import { groupState } from './preview-selection';

const PICKED_CATEGORIES = ['added', 'removed', 'changed'] as const;

export interface SelectAllProps {
  rows: readonly PreviewRow[];
  excluded: ReadonlySet<string>;
  onPick: (identities: string[], apply: boolean) => void;
  direction: string;
  mode: RestoreMode;
}

/** The tri-state boxes of one direction: every change, then each category with rows to pick. */
export function SelectAll({ rows, excluded, onPick, direction, mode }: SelectAllProps) {
  const t = useT();
  const all = groupState(rows, excluded);
  if (all.identities.length === 0) return null;
  const box = (state: ReturnType<typeof groupState>, label: string, key: string) => (
    <Checkbox
      key={key}
      checked={state.checked}
      indeterminate={state.indeterminate}
      onChange={(event) => onPick(state.identities, event.target.checked)}
    >
      {label}
    </Checkbox>
  );
  return (
    <Flex gap="small" wrap align="center">
      {box(all, t('cherry.allInDirection', { direction }), 'all')}
      {PICKED_CATEGORIES.map((category) => {
        const state = groupState(
          rows.filter((row) => row.category === category),
          excluded,
        );
        if (state.identities.length === 0) return null;
        const name = t(
          category === 'added'
            ? 'restore.added'
            : category === 'changed'
              ? 'restore.changed'
              : mode === 'completely'
                ? 'restore.removed'
                : 'restore.kept',
        );
        return box(state, t('cherry.allOfCategory', { category: name, direction }), category);
      })}
    </Flex>
  );
}
