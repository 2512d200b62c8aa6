import { Checkbox, InputNumber } from 'antd';
import { useState } from 'react';
import { useT } from '../../../i18n/use-t';

export interface AutoRevertChoice {
  enabled: boolean;
  minutes: number;
}

const STORAGE_KEY = 'rrc.autoRevert';
const DEFAULT_CHOICE: AutoRevertChoice = { enabled: false, minutes: 10 };

function clampMinutes(value: unknown): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? Math.round(value) : 10;
  return Math.min(60, Math.max(1, n));
}

function readChoice(): AutoRevertChoice {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    if (raw === null) return DEFAULT_CHOICE;
    const parsed = JSON.parse(raw) as Partial<AutoRevertChoice>;
    return { enabled: parsed.enabled === true, minutes: clampMinutes(parsed.minutes) };
  } catch {
    // Storage may be disabled or hold something else: the default choice then.
    return DEFAULT_CHOICE;
  }
}

/** The dialog's auto-revert choice, remembered per browser (off, 10 minutes, by default). */
export function useAutoRevertChoice(): [AutoRevertChoice, (next: AutoRevertChoice) => void] {
  const [choice, setChoice] = useState(readChoice);
  const update = (next: AutoRevertChoice) => {
    setChoice(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    } catch {
      // Not remembered when storage is unavailable; the choice still applies to this dialog.
    }
  };
  return [choice, update];
}

/**
 * "Revert automatically after [N] minutes unless I keep it", as one sentence that wraps word by
 * word: as three wrapping boxes, a phone put the checkbox alone on a line and the rest of the
 * sentence under the minutes box.
 */
export function AutoRevertOption({
  value,
  onChange,
}: {
  value: AutoRevertChoice;
  onChange: (next: AutoRevertChoice) => void;
}) {
  const t = useT();
  return (
    // Styled here, not in the first screen's stylesheet: only the dialog shows it.
    <div style={{ lineHeight: '32px' }}>
      <Checkbox
        style={{ marginInlineEnd: 8 }}
        checked={value.enabled}
        onChange={(event) => onChange({ ...value, enabled: event.target.checked })}
      >
        {t('safeApply.autoRevert')}
      </Checkbox>
      <InputNumber
        min={1}
        max={60}
        precision={0}
        size="small"
        value={value.minutes}
        aria-label={t('safeApply.autoRevertMinutes')}
        style={{ width: 64, verticalAlign: 'middle' }}
        onChange={(minutes) => onChange({ ...value, minutes: clampMinutes(minutes) })}
      />{' '}
      {t('safeApply.autoRevertUnless', { minutes: value.minutes })}
    </div>
  );
}
