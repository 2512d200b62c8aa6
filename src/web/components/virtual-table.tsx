import {
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type ReactNode,
} from 'react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { Empty, theme } from 'antd';
import { useT } from '../i18n/use-t';
import { useNarrowScreen } from '../lib/use-narrow-screen';

export interface VirtualColumn<Row> {
  key: string;
  title: string;
  /** A CSS grid track, e.g. '120px' or 'minmax(160px, 2fr)'. */
  width: string;
  render: (row: Row) => ReactNode;
  /** When given, the header becomes a sort button. */
  sortValue?: (row: Row) => string | number;
  /** Kept as a column on a narrow screen; the others move into the row's expandable details. */
  essential?: boolean;
  /** The track on a narrow screen, where every pixel counts; `width` when not given. */
  narrowWidth?: string;
  /** The title is for screen readers only (a column of checkboxes has no room for a word). */
  titleHidden?: boolean;
  /**
   * Lines the column may wrap onto in a row's details (a sentence, such as a reason); one line,
   * cut with an ellipsis, when not given.
   */
  detailLines?: number;
}

interface VirtualTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  rows: readonly Row[];
  columns: readonly VirtualColumn<Row>[];
  rowKey: (row: Row) => string;
  rowStyle?: (row: Row) => CSSProperties | undefined;
  emptyText: string;
  /**
   * Least height of the scrolling body in pixels. The body grows with the window, so a tall
   * window shows every row of a short table without a second, inner scroll.
   */
  height?: number;
}

const ROW_HEIGHT = 44;
const OVERSCAN = 8;
/** One line of an expanded row's details (one moved column). */
const DETAIL_LINE = 22;
/** What the window keeps beside the table body: the dialog's title, the header row, OK/Cancel. */
const WINDOW_RESERVE = 240;

function subscribeToResize(onChange: () => void): () => void {
  window.addEventListener('resize', onChange);
  return () => window.removeEventListener('resize', onChange);
}

/** The window's inner height, kept current as the window is resized. */
function useWindowHeight(): number {
  return useSyncExternalStore(subscribeToResize, () => window.innerHeight);
}

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
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const narrow = useNarrowScreen();
  const scrollId = useId();
  const windowHeight = useWindowHeight();
  // On a phone only the essential columns stay; the rest are read by expanding a row.
  const moved = narrow ? columns.filter((column) => !column.essential) : [];
  const shown = moved.length > 0 ? columns.filter((column) => column.essential) : columns;
  const detailLines = moved.reduce((sum, column) => sum + (column.detailLines ?? 1), 0);
  const expandedHeight = ROW_HEIGHT + detailLines * DETAIL_LINE + 8;

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

  const rowHeight = (row: Row | undefined) =>
    row !== undefined && moved.length > 0 && expanded.has(rowKey(row))
      ? expandedHeight
      : ROW_HEIGHT;
  const totalHeight = sorted.reduce((sum, row) => sum + rowHeight(row), 0);
  const bodyHeight = Math.min(
    Math.max(height, windowHeight - WINDOW_RESERVE),
    Math.max(totalHeight, ROW_HEIGHT),
  );
  const virtualizer = useVirtualizer({
    count: sorted.length,
    getScrollElement: () => scrollRef.current,
    // Heights are known, not measured: a row, or a row with one line per moved column.
    estimateSize: (index) => rowHeight(sorted[index]),
    overscan: OVERSCAN,
    // Where layout reports no size (a hidden tab, or jsdom), assume the body's fixed height.
    observeElementRect: (instance: Virtualizer<HTMLDivElement, Element>, callback) =>
      observeElementRect(instance, (rect) =>
        callback(rect.height > 0 ? rect : { width: rect.width, height: bodyHeight }),
      ),
  });

  // The virtualizer caches sizes: an expanded or folded row, or fewer columns, re-measure.
  useEffect(() => virtualizer.measure(), [virtualizer, expanded, moved.length, sorted]);

  const toggleRow = (key: string) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const template = [
    ...(moved.length > 0 ? ['30px'] : []),
    ...shown.map((column) => (narrow ? (column.narrowWidth ?? column.width) : column.width)),
  ].join(' ');
  const cellStyle: CSSProperties = {
    padding: `0 ${narrow ? token.paddingXXS : token.paddingXS}px`,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    alignSelf: 'center',
  };
  // The expand button (28 px) fills its 30 px column: the cell's padding would clip it.
  const toggleCellStyle: CSSProperties = { ...cellStyle, padding: '0 1px' };
  // A narrow column's title wraps onto two smaller lines rather than being cut.
  const narrowHeaderStyle: CSSProperties = {
    ...cellStyle,
    whiteSpace: 'normal',
    fontSize: token.fontSizeSM,
    lineHeight: 1.25,
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
          {moved.length > 0 && (
            <div role="columnheader" style={toggleCellStyle}>
              <span className="rr-visually-hidden">{t('narrow.detailsColumn')}</span>
            </div>
          )}
          {shown.map((column) => {
            const sortOrder = sort?.key === column.key ? sort.order : undefined;
            return (
              <div
                key={column.key}
                role="columnheader"
                aria-sort={column.sortValue ? (sortOrder ?? 'none') : undefined}
                style={narrow ? narrowHeaderStyle : cellStyle}
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
                ) : column.titleHidden ? (
                  <span className="rr-visually-hidden">{column.title}</span>
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
              const key = rowKey(row);
              const open = moved.length > 0 && expanded.has(key);
              const detailsId = `${scrollId}-${item.index}`;
              return (
                <div
                  key={key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  style={{
                    display: 'grid',
                    gridTemplateColumns: template,
                    gridTemplateRows: open ? `${ROW_HEIGHT}px auto` : undefined,
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    width: '100%',
                    height: item.size,
                    transform: `translateY(${item.start}px)`,
                    borderBottom: `1px solid ${token.colorBorderSecondary}`,
                    ...rowStyle?.(row),
                  }}
                >
                  {moved.length > 0 && (
                    <div role="cell" style={toggleCellStyle}>
                      <button
                        type="button"
                        className="rr-row-toggle"
                        aria-expanded={open}
                        aria-controls={open ? detailsId : undefined}
                        aria-label={t('narrow.rowDetails', {
                          columns: moved.map((column) => column.title).join(t('narrow.separator')),
                        })}
                        onClick={() => toggleRow(key)}
                      >
                        {open ? '▾' : '▸'}
                      </button>
                    </div>
                  )}
                  {shown.map((column) => (
                    <div key={column.key} role="cell" style={cellStyle}>
                      {column.render(row)}
                    </div>
                  ))}
                  {open && (
                    <div role="cell" id={detailsId} style={{ gridColumn: '1 / -1' }}>
                      <dl className="rr-row-details">
                        {moved.map((column) => (
                          <div
                            key={column.key}
                            // A sentence (a reason) wraps onto its lines rather than being cut.
                            style={
                              column.detailLines
                                ? { height: column.detailLines * DETAIL_LINE, whiteSpace: 'normal' }
                                : undefined
                            }
                          >
                            <dt>{column.title}</dt>
                            <dd
                              style={column.detailLines ? { overflowWrap: 'anywhere' } : undefined}
                            >
                              {column.render(row)}
                            </dd>
                          </div>
                        ))}
                      </dl>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </div>
  );
}
