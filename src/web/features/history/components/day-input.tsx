import { useId, useState } from 'react';
import { Input } from 'antd';
import { useT } from '../../../i18n/use-t';
import { parseDay } from '../hooks/parse-day';

interface DayInputProps {
  label: string;
  /** The day the URL holds (YYYY-MM-DD), if any. */
  value: string | undefined;
  onChange: (day: string | undefined) => void;
}

/**
 * One end of the history's day range: a visible label over a box that takes the day as typed in
 * either language's form. The browser's own date box is not used: it shows the browser's format
 * (mm/dd/yyyy in an English Chromium) whatever the console's language. A day applies on Enter or
 * when the box is left; one that is not a day is kept in the box, marked, and not applied.
 */
export function DayInput({ label, value, onChange }: DayInputProps) {
  const t = useT();
  const id = useId();
  const [wrong, setWrong] = useState(false);
  const apply = (text: string) => {
    const day = parseDay(text);
    setWrong(day === undefined);
    if (day !== undefined && day !== (value ?? '')) onChange(day || undefined);
  };
  return (
    <div className="rr-day-field">
      <label htmlFor={id}>{label}</label>
      <Input
        // A new value from the URL (Clear filters, a link) replaces what the box holds.
        key={value ?? ''}
        id={id}
        defaultValue={value ?? ''}
        placeholder={t('phoneLayout.dayPlaceholder')}
        inputMode="numeric"
        autoComplete="off"
        status={wrong ? 'error' : undefined}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
        allowClear
        onBlur={(event) => apply(event.target.value)}
        onPressEnter={(event) => apply(event.currentTarget.value)}
        onClear={() => apply('')}
      />
      {wrong && (
        <span id={`${id}-error`} className="rr-day-error" role="alert">
          {t('phoneLayout.dayInvalid')}
        </span>
      )}
    </div>
  );
}
