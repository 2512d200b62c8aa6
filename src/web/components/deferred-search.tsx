import { useState, type CSSProperties } from 'react';
import { CloseCircleFilled, SearchOutlined } from '@ant-design/icons';
import { useAntdClasses } from './antd-classes';
import { loadAntdInputs, useAntdInputs } from './deferred-antd';

interface DeferredSearchProps {
  'aria-label': string;
  placeholder?: string;
  defaultValue?: string;
  onSearch: (value: string) => void;
  allowClear?: boolean;
  style?: CSSProperties;
}

/**
 * antd's Input.Search, drawn with antd's markup and classes until antd's Input has loaded
 * (see deferred-antd). What is typed before then, and the focus, carry over; Enter, the search
 * button and the clear button already work on the early box.
 */
export function DeferredSearch(props: DeferredSearchProps) {
  const Input = useAntdInputs()?.Input;
  const [early, setEarly] = useState<{ value: string; focus: boolean }>();
  if (Input) {
    return (
      <Input.Search
        {...props}
        defaultValue={early?.value ?? props.defaultValue}
        // Only where the user had put the focus before antd's Input arrived.
        // eslint-disable-next-line jsx-a11y/no-autofocus
        autoFocus={early?.focus}
      />
    );
  }
  return (
    <EarlySearch
      {...props}
      onChange={(value, focus) => {
        setEarly({ value, focus });
        void loadAntdInputs();
      }}
    />
  );
}

interface EarlySearchProps extends DeferredSearchProps {
  onChange: (value: string, focus: boolean) => void;
}

/** The markup antd 6 renders for Input.Search with allowClear, with the same classes. */
function EarlySearch({
  'aria-label': ariaLabel,
  placeholder,
  defaultValue = '',
  onSearch,
  allowClear,
  style,
  onChange,
}: EarlySearchProps) {
  const { prefixCls: getPrefixCls, hashId, cssVarCls: cssVar } = useAntdClasses();
  const [value, setValue] = useState(defaultValue);
  const [focused, setFocused] = useState(false);
  const input = getPrefixCls('input');
  const button = getPrefixCls('btn');
  const change = (next: string, focus: boolean) => {
    setValue(next);
    onChange(next, focus);
  };
  return (
    <div
      className={`${getPrefixCls('space-compact')} ${hashId} ${input}-search ${cssVar} ${hashId}`}
      style={style}
    >
      <span
        className={[
          `${input}-affix-wrapper ${hashId} ${input}-outlined ${cssVar} ${input}-css-var`,
          `${input}-compact-item ${input}-compact-first-item`,
          focused ? `${input}-affix-wrapper-focused` : '',
        ].join(' ')}
      >
        <input
          aria-label={ariaLabel}
          placeholder={placeholder}
          type="search"
          className={`${input} ${hashId}`}
          value={value}
          onChange={(event) => change(event.target.value, true)}
          onFocus={() => {
            setFocused(true);
            onChange(value, true);
          }}
          onBlur={() => setFocused(false)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onSearch(value);
          }}
        />
        {allowClear && (
          <span className={`${input}-suffix`}>
            <button
              type="button"
              className={`${input}-clear-icon${value ? '' : ` ${input}-clear-icon-hidden`}`}
              onClick={() => {
                change('', false);
                onSearch('');
              }}
            >
              <CloseCircleFilled />
            </button>
          </span>
        )}
      </span>
      <button
        type="button"
        className={[
          `${button} ${hashId} ${cssVar} ${button}-default ${button}-color-default`,
          `${button}-variant-outlined ${button}-icon-only ${button}-compact-item`,
          `${button}-compact-last-item ${input}-search-btn`,
        ].join(' ')}
        onClick={() => onSearch(value)}
      >
        <span className={`${button}-icon`}>
          <SearchOutlined />
        </span>
      </button>
    </div>
  );
}
