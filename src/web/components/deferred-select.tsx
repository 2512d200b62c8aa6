import { useState, type ReactNode, type Ref } from 'react';
import type { SelectProps } from 'antd';
import type { BaseSelectRef } from '@rc-component/select';
import { DownOutlined, LoadingOutlined } from '@ant-design/icons';
import { useAntdClasses } from './antd-classes';
import { loadAntdInputs, useAntdInputs } from './deferred-antd';

type DeferredSelectProps<V> = SelectProps<V> & {
  ref?: Ref<BaseSelectRef>;
  /**
   * antd's Tooltip around the loaded Select, there even while its title is empty, so the box is
   * not drawn anew when the tip comes and goes; the early box has none.
   */
  tooltip?: { title: ReactNode };
};

/**
 * antd's single Select, drawn closed until antd's Select has loaded: same markup, classes and
 * accessible name. A box pressed or focused before then opens or keeps focus when it arrives.
 */
export function DeferredSelect<V extends string>({ tooltip, ...props }: DeferredSelectProps<V>) {
  const antd = useAntdInputs();
  const [early, setEarly] = useState<{ open: boolean; focus: boolean }>();

  if (antd) {
    const select = (
      <antd.Select<V>
        {...props}
        defaultOpen={early?.open || props.defaultOpen}
        // Only where the user had put the focus before antd's Select arrived.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus={early?.focus || props.autoFocus}
      />
    );
    return tooltip ? <antd.Tooltip title={tooltip.title}>{select}</antd.Tooltip> : select;
  }
  const touched = (open: boolean) => {
    setEarly((was) => ({ open: open || Boolean(was?.open), focus: true }));
    if (open) props.onOpenChange?.(true);
    void loadAntdInputs();
  };
  return <ClosedSelect {...props} onTouched={touched} />;
}

interface ClosedSelectProps<V> extends DeferredSelectProps<V> {
  onTouched: (open: boolean) => void;
}

/** The markup antd's Select renders while closed (antd 6), with the same classes. */
function ClosedSelect<V>({
  value,
  options,
  loading: isLoading,
  showSearch,
  status,
  style,
  className,
  id,
  'aria-label': ariaLabel,
  'aria-invalid': ariaInvalid,
  'aria-describedby': ariaDescribedBy,
  onTouched,
  onMouseEnter,
  onMouseLeave,
  onFocus,
  onBlur,
  ref,
}: ClosedSelectProps<V>) {
  const { prefixCls, hashId, cssVarCls } = useAntdClasses();
  const prefix = prefixCls('select');
  const label = options?.find((option) => option.value === value)?.label;
  const classes = [
    prefix,
    `${prefix}-outlined`,
    cssVarCls,
    `${prefix}-css-var`,
    hashId,
    `${prefix}-single`,
    `${prefix}-show-arrow`,
    status && `${prefix}-status-${status}`,
    isLoading && `${prefix}-loading`,
    showSearch && `${prefix}-show-search`,
    className,
  ];
  return (
    // As antd's box: pressing anywhere on it opens it; the keyboard works on its input.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div
      ref={ref as Ref<HTMLDivElement>}
      className={classes.filter(Boolean).join(' ')}
      style={style}
      onMouseEnter={onMouseEnter}
      onMouseLeave={onMouseLeave}
      onMouseDown={() => onTouched(true)}
    >
      <div
        className={`${prefix}-content${label === undefined ? '' : ` ${prefix}-content-has-value`}`}
        title={typeof label === 'string' ? label : undefined}
      >
        {label}
        <input
          id={id}
          type="text"
          aria-label={ariaLabel}
          aria-invalid={ariaInvalid}
          aria-describedby={ariaDescribedBy}
          readOnly
          autoComplete="new-password"
          className={`${prefix}-input`}
          // antd's closed combobox, which names no popup until it has one.
          // eslint-disable-next-line jsx-a11y/role-has-required-aria-props
          role="combobox"
          aria-expanded="false"
          aria-haspopup="listbox"
          aria-autocomplete="list"
          value=""
          onFocus={(event) => {
            onTouched(false);
            onFocus?.(event as never);
          }}
          onBlur={(event) => onBlur?.(event as never)}
          onKeyDown={(event) => {
            if (['Enter', ' ', 'ArrowDown', 'ArrowUp'].includes(event.key)) onTouched(true);
          }}
        />
      </div>
      <div className={`${prefix}-suffix${isLoading ? ` ${prefix}-suffix-loading` : ''}`}>
        {isLoading ? <LoadingOutlined spin /> : <DownOutlined />}
      </div>
    </div>
  );
}
