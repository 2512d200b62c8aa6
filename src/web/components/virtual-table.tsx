import { useMemo, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { Empty, theme } from 'antd';
import { useT } from '../i18n/use-t';

export interface VirtualColumn<Row> {
  key: string;
  title: string;
  /** A CSS grid track, e.g. '120px' or 'minmax(160px, 2fr)'. */
  width: string;
  render: (row: Row) => ReactNode;
  /** When given, the header becomes a sort button. */
  sortValue?: (row: Row) => string | number;
}

interface VirtualTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  rows: readonly Row[];
  columns: readonly VirtualColumn<Row>[];
  rowKey: (row: Row) => string;
  rowStyle?: (row: Row) => CSSProperties | undefined;
  emptyText: string;
  /** Height of the scrolling body in pixels. */
  height?: number;
}

const ROW_HEIGHT = 44;
const OVERSCAN = 8;

type SortState = { key: string; order: 'ascending' | 'descending' } | null;

/**
 * A table whose body renders only the rows in view (plus a few), so 1,000 rules scroll smoothly
 * and the DOM stays small. It keeps table semantics with ARIA roles (antd's virtual Table
 * renders plain divs), and sorts by any column that has a `sortValue`.
 */
export function VirtualTable<Row>({
  label,
  rows,
  columns,
  rowKey,
  rowStyle,
  emptyText,
  height = 440,
}: VirtualTableProps<Row>) {
  const t = useT();
  const { token } = theme.useToken();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [sort, setSort] = useState<SortState>(null);

  const sorted = useMemo(() => {
    const column = sort ? columns.find((c) => c.key === sort.key) : undefined;
    if (!sort || !column?.sortValue) return rows;
    const value = column.sortValue;
    const factor = sort.order === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const left = value(a);
      const right = value(b);
      if (typeof left === 'number' && typeof right === 'number') return (left - right) * factor;
      return String(left).localeCompare(String(right)) * factor;
    });
  }, [rows, columns, sort]);

  const bodyHeight = Math.min(height, Math.max(sorted.length, 1) * ROW_HEIGHT);
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    // Where layout reports no size (a hidden tab, or jsdom), assume the body's fixed height.
    observeElementRect: (instance: Virtualizer<HTMLDivElement, Element>, callback) =>
      observeElementRect(instance, (rect) =>
        callback(rect.height > 0 ? rect : { width: rect.width, height: bodyHeight }),
      ),
  });

  const template = columns.map((column) => column.width).join(' ');
  const cellStyle: CSSProperties = {
    padding: `0 ${token.paddingXS}px`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    alignSelf: 'center',
  };
  const toggleSort = (key: string) =>
    setSort((current) =>
      current?.key !== key
        ? { key, order: 'ascending' }
        : current.order === 'ascending'
          ? { key, order: 'descending' }
          : null,
    );

  return (
    <div
      role="table"
      aria-label={label}
      aria-rowcount={sorted.length + 1}
      style={{
        border: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: token.borderRadius,
        overflowX: 'auto',
      }}
    >
      <div role="rowgroup">
        <div
          role="row"
          aria-rowindex={1}
          style={{
            display: 'grid',
            gridTemplateColumns: template,
            minHeight: ROW_HEIGHT,
            background: token.colorFillAlter,
            fontWeight: token.fontWeightStrong,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          {columns.map((column) => {
            const sortOrder = sort?.key === column.key ? sort.order : undefined;
            return (
              <div
                key={column.key}
                role="columnheader"
                aria-sort={column.sortValue ? (sortOrder ?? 'none') : undefined}
                style={cellStyle}
              >
                {column.sortValue ? (
                  <button
                    type="button"
                    onClick={() => toggleSort(column.key)}
                    aria-label={t('rules.sortBy', { column: column.title })}
                    style={{
                      background: 'none',
                      border: 'none',
                      padding: 0,
                      font: 'inherit',
                      color: 'inherit',
                      cursor: 'pointer',
                    }}
                  >
                    {column.title}{' '}
                    {sortOrder === 'ascending' ? '▲' : sortOrder === 'descending' ? '▼' : '↕'}
                  </button>
                ) : (
                  column.title
                )}
              </div>
            );
          })}
        </div>
      </div>
      {sorted.length === 0 ? (
        <div role="rowgroup">
          <div role="row">
            <div role="cell">
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} />
            </div>
          </div>
        </div>
      ) : (
        // Focusable and named, so keyboard users can reach the scrolling body and scroll it with
        // the arrow and page keys (the browser's own scrolling of a focused overflow box).
        <div
          ref={scrollRef}
          role="rowgroup"
          // A scrolling region must take focus to be scrolled from the keyboard (WCAG 2.1.1).
          // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
          tabIndex={0}
          aria-label={t('rules.tableRows', { table: label })}
          className="rr-scroll-region"
          style={{ height: bodyHeight, overflowY: 'auto', position: 'relative' }}
        >
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = sorted[item.index];
              if (row === undefined) return null;
              return (
                <div
                  key={rowKey(row)}
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{
                    display: 'grid',
                    gridTemplateColumns: template,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    borderBottom: `1px solid ${token.colorBorderSecondary}`,
                    ...rowStyle?.(row),
                  }}
                >
                  {columns.map((column) => (
                    <div key={column.key} role="cell" style={cellStyle}>
                      {column.render(row)}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
