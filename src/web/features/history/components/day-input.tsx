import { useId, useState } from 'react';
import { DatePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
// Registers dayjs's Chinese month and weekday names, which antd's zh_CN locale asks for by name.
// This module loads with the history page only, so the first route does not carry it.
import 'dayjs/locale/zh-cn';
import { useT } from '../../../i18n/use-t';
import { parseDay } from '../hooks/parse-day';

/**
 * How a chosen day is shown, and the one form the picker itself parses (strictly). The others
 * (2026/12/2, 2026年12月2日) are read by parseDay on Enter or blur: given to the picker, a form
 * with one-digit parts parsed "2026/11/3" while "2026/11/30" was being typed and rewrote the box.
 */
const DAY_FORMAT = 'YYYY-MM-DD';

interface DayInputProps {
  label: string;
  /** The day the URL holds (YYYY-MM-DD), if any. */
  value: string | undefined;
  onChange: (day: string | undefined) => void;
}

/**
 * One end of the history's day range: a visible label over antd's day picker, in the console's
 * language (antd's locale, dayjs's month and weekday names). A day is picked from the calendar or
 * typed in either language's form; a typed one applies on Enter or when the box is left, and one
 * that is not a day is kept in the box, marked, and not applied.
 */
export function DayInput({ label, value, onChange }: DayInputProps) {
  const t = useT();
  const id = useId();
  const [wrong, setWrong] = useState(false);
  const picked = value ? dayjs(value, DAY_FORMAT, true) : null;
  const apply = (day: string | undefined) => {
    setWrong(false);
    if ((day ?? '') !== (value ?? '')) onChange(day || undefined);
  };
  // What the box holds when it is left or Enter is pressed: a day in any form parseDay reads
  // applies; anything else is marked.
  const judge = (text: string) => {
    const day = parseDay(text);
    if (day === undefined) setWrong(true);
    else apply(day);
  };
  return (
    <div className="rr-day-field">
      <label htmlFor={id}>{label}</label>
      <DatePicker
        // A new day from the URL (applied here, Clear filters, a link) starts a fresh picker:
        // the picker keeps its own "invalid" mark of a typed text until it is remounted.
        key={value ?? ''}
        id={id}
        value={picked?.isValid() ? picked : null}
        format={DAY_FORMAT}
        placeholder={t('phoneLayout.dayPlaceholder')}
        inputMode="numeric"
        autoComplete="off"
        // A wrong day stays in the box to be mended, rather than vanishing on blur.
        preserveInvalidOnBlur
        status={wrong ? 'error' : undefined}
        aria-invalid={wrong || undefined}
        aria-describedby={wrong ? `${id}-error` : undefined}
        style={{ width: '100%' }}
        onChange={(date: Dayjs | null) => apply(date ? date.format(DAY_FORMAT) : undefined)}
        onBlur={(event) => judge((event.target as HTMLInputElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') judge((event.target as HTMLInputElement).value);
        }}
      />
      {wrong && (
        <span id={`${id}-error`} className="rr-day-error" role="alert">
          {t('phoneLayout.dayInvalid')}
        </span>
      )}
    </div>
  );
}
