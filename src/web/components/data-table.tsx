import type { ReactNode } from 'react';
import { Spin, theme } from 'antd';
import { useNarrowScreen } from '../lib/use-narrow-screen';

export interface DataColumn<Row> {
  key: string;
  title: string;
  render: (row: Row) => ReactNode;
  align?: 'left' | 'right';
}

interface DataTableProps<Row> {
  /** The table's accessible name (its caption). */
  caption: string;
  rows: readonly Row[];
  columns: readonly DataColumn<Row>[];
  rowKey: (row: Row) => string;
  loading?: boolean;
  /** Shown in place of rows when there are none. */
  empty: ReactNode;
}

/**
 * A plain, semantic table for short paged lists (a page of groups, of restores). antd's Table
 * brings sorting, filter menus and paging we do not use here, and most of the first route's
 * JavaScript with them. On a narrow screen each row stacks its cells, each under its column's
 * title, instead of scrolling sideways; the roles are then written out, since a browser may drop
 * a table's semantics once its rows no longer display as rows.
 */
export function DataTable<Row>({
  caption,
  rows,
  columns,
  rowKey,
  loading = false,
  empty,
}: DataTableProps<Row>) {
  const { token } = theme.useToken();
  const stacked = useNarrowScreen();
  const role = (name: string) => (stacked ? name : undefined);
  const cell = {
    padding: `${token.paddingSM}px ${token.padding}px`,
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    verticalAlign: 'top' as const,
  };
  const stackedCell = { padding: `${token.paddingXXS}px ${token.paddingSM}px` };
  return (
    <Spin spinning={loading}>
      <div style={{ overflowX: 'auto' }}>
        <table
          className={stacked ? 'rr-stacked-table' : undefined}
          role={role('table')}
          style={{ width: '100%', borderCollapse: 'collapse', background: token.colorBgContainer }}
          aria-busy={loading}
        >
          <caption
            style={{
              position: 'absolute',
              width: 1,
              height: 1,
              overflow: 'hidden',
              clip: 'rect(0 0 0 0)',
            }}
          >
            {caption}
          </caption>
          <thead role={role('rowgroup')}>
            <tr role={role('row')}>
              {columns.map((column) => (
                <th
                  key={column.key}
                  role={role('columnheader')}
                  scope="col"
                  style={{
                    ...cell,
                    textAlign: column.align ?? 'left',
                    background: token.colorFillAlter,
                    fontWeight: token.fontWeightStrong,
                    whiteSpace: 'nowrap',
                  }}
                >
                  {column.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody role={role('rowgroup')}>
            {rows.length === 0 ? (
              <tr role={role('row')}>
                <td
                  role={role('cell')}
                  colSpan={columns.length}
                  style={{ ...cell, textAlign: 'center' }}
                >
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)} role={role('row')}>
                  {columns.map((column) =>
                    stacked ? (
                      <td key={column.key} role={role('cell')} style={stackedCell}>
                        <span className="rr-stacked-label" aria-hidden="true">
                          {column.title}
                        </span>
                        <span>{column.render(row)}</span>
                      </td>
                    ) : (
                      <td key={column.key} style={{ ...cell, textAlign: column.align ?? 'left' }}>
                        {column.render(row)}
                      </td>
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Spin>
  );
}
