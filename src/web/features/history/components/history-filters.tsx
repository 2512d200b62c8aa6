import { Button, Flex, Input, Select } from 'antd';
import { useT } from '../../../i18n/use-t';
import type { FilterKey, HistoryFilters } from '../hooks/use-history-filters';
import { kindLabel, statusLabel } from '../../../components/restore-labels';
import { DayInput } from './day-input';

const STATUSES = ['pending', 'running', 'succeeded', 'failed', 'interrupted', 'refused'] as const;
const KINDS = ['restore', 'rollback', 'undo'] as const;

interface HistoryFiltersBarProps {
  filters: HistoryFilters;
  onChange: (key: FilterKey, value: string | undefined) => void;
  onClear: () => void;
}

/** Group, status, type, actor and day range of the history list; each change goes to the URL. */
export function HistoryFiltersBar({ filters, onChange, onClear }: HistoryFiltersBarProps) {
  const t = useT();
  // Text filters apply on Enter or blur, so the URL (and the server) is not hit per keystroke.
  const textProps = (key: 'sourceId' | 'actor') => ({
    defaultValue: filters[key] ?? '',
    onBlur: (event: React.FocusEvent<HTMLInputElement>) => onChange(key, event.target.value),
    onPressEnter: (event: React.KeyboardEvent<HTMLInputElement>) =>
      onChange(key, event.currentTarget.value),
    allowClear: true,
  });
  return (
    <Flex
      gap="small"
      wrap
      // The day fields' labels sit above their boxes; the other filters line up with the boxes.
      align="flex-end"
      style={{ marginBottom: 12 }}
      role="group"
      aria-label={t('auditHistory.filters')}
    >
      <Input
        key={`sourceId-${filters.sourceId ?? ''}`}
        aria-label={t('auditHistory.filterGroup')}
        placeholder={t('auditHistory.filterGroupPlaceholder')}
        style={{ width: 220 }}
        {...textProps('sourceId')}
      />
      <Select
        aria-label={t('auditHistory.filterStatus')}
        value={filters.status ?? ''}
        onChange={(value: string) => onChange('status', value)}
        style={{ width: 160 }}
        options={[
          { value: '', label: t('auditHistory.anyStatus') },
          ...STATUSES.map((s) => ({ value: s, label: statusLabel(s, t) })),
        ]}
      />
      <Select
        aria-label={t('auditHistory.filterType')}
        value={filters.kind ?? ''}
        onChange={(value: string) => onChange('kind', value)}
        style={{ width: 160 }}
        options={[
          { value: '', label: t('auditHistory.anyType') },
          ...KINDS.map((k) => ({ value: k, label: kindLabel(k, t) })),
        ]}
      />
      <Input
        key={`actor-${filters.actor ?? ''}`}
        aria-label={t('auditHistory.filterActor')}
        placeholder={t('auditHistory.filterActorPlaceholder')}
        style={{ width: 220 }}
        {...textProps('actor')}
      />
      <DayInput
        label={t('auditHistory.filterFrom')}
        value={filters.from}
        onChange={(day) => onChange('from', day)}
      />
      <DayInput
        label={t('auditHistory.filterTo')}
        value={filters.to}
        onChange={(day) => onChange('to', day)}
      />
      <Button onClick={onClear}>{t('auditHistory.clearFilters')}</Button>
    </Flex>
  );
}
