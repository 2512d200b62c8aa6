import type { CSSProperties, ReactNode } from 'react';
import { theme } from 'antd';
import { Title } from './plain-typography';

type Level = 1 | 2 | 3 | 4 | 5;

interface HeadingProps {
  /** The level in the document outline. */
  level: Level;
  /** The antd heading size it is drawn at, so fixing the outline does not change the look. */
  looksLike: Level;
  id?: string;
  style?: CSSProperties;
  children: ReactNode;
}

/** A heading whose outline level and visual size are chosen separately. */
export function Heading({ level, looksLike, id, style, children }: HeadingProps) {
  const { token } = theme.useToken();
  return (
    <Title
      level={level}
      id={id}
      style={{
        fontSize: token[`fontSizeHeading${looksLike}`],
        lineHeight: token[`lineHeightHeading${looksLike}`],
        ...style,
      }}
    >
      {children}
    </Title>
  );
}

/** A page's one h1, drawn at the h2 size the pages were designed with. */
export function PageTitle({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <Heading level={1} looksLike={2} id={id} style={{ marginTop: 0 }}>
      {children}
    </Heading>
  );
}

/**
 * A dialog's title as an h2 (antd renders a plain div), so the headings inside the dialog start
 * at h3 below it and the outline stays in order after the page's h1.
 */
export function DialogTitle({ children }: { children: ReactNode }) {
  return <h2 style={{ margin: 0, font: 'inherit', color: 'inherit' }}>{children}</h2>;
}
