import { createElement, type CSSProperties, type ReactNode } from 'react';
import { useAntdClasses } from './antd-classes';

/** The classes antd's Typography puts on its element (antd 6), for its styles to apply. */
function useTypographyClass(modifier?: string): string {
  const { prefixCls, hashId, cssVarCls } = useAntdClasses();
  const prefix = prefixCls('typography');
  return [prefix, modifier && `${prefix}-${modifier}`, hashId, cssVarCls].filter(Boolean).join(' ');
}

interface TextProps {
  strong?: boolean;
  type?: 'secondary' | 'success' | 'warning' | 'danger';
  style?: CSSProperties;
  'aria-live'?: 'polite' | 'assertive';
  children: ReactNode;
}

/**
 * antd's Typography.Text markup for plain text, without its editing, copying and ellipsis
 * machinery: Typography pulled antd's TextArea, and with it the form store and validator, onto
 * the first route. Use antd's Typography where those features are needed.
 */
export function Text({ strong, type, style, 'aria-live': ariaLive, children }: TextProps) {
  return (
    <span className={useTypographyClass(type)} style={style} aria-live={ariaLive}>
      {strong ? <strong>{children}</strong> : children}
    </span>
  );
}

interface TitleProps {
  level: 1 | 2 | 3 | 4 | 5;
  id?: string;
  style?: CSSProperties;
  children: ReactNode;
}

/** antd's Typography.Title markup (see Text). */
export function Title({ level, id, style, children }: TitleProps) {
  return createElement(`h${level}`, { className: useTypographyClass(), id, style }, children);
}
