import type { ReactNode } from 'react';
import { Spin, theme } from 'antd';

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
 * JavaScript with them.
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
  const cell = {
    padding: `${token.paddingSM}px ${token.padding}px`,
    borderBottom: `1px solid ${token.colorBorderSecondary}`,
    verticalAlign: 'top' as const,
  };
  return (
    <Spin spinning={loading}>
      <div style={{ overflowX: 'auto' }}>
        <table
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
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
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
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} style={{ ...cell, textAlign: 'center' }}>
                  {empty}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => (
                    <td key={column.key} style={{ ...cell, textAlign: column.align ?? 'left' }}>
                      {column.render(row)}
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
    </Spin>
  );
}
