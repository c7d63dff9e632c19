import type { ReactNode } from 'react';
import './data-table.css';

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  readonly numeric?: boolean;
}

/** A plain data table: the first column heads each row; numbers align right. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  emptyText,
}: {
  readonly caption: string;
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly rowKey: (row: Row) => string;
  readonly emptyText: string;
}) {
  if (rows.length === 0) return <p className="muted table-empty">{emptyText}</p>;
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={column.numeric ? 'num' : undefined}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} data-row={rowKey(row)}>
              {columns.map((column, index) =>
                index === 0 ? (
                  <th key={column.header} scope="row">
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.header} className={column.numeric ? 'num' : undefined}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart's or a map's figures, one click away: `<details>` "Show as table". */
export function TableAlternative({
  label = 'Show as table',
  subject,
  children,
}: {
  readonly label?: string;
  /** Said to screen readers after the label, so each summary names its chart. */
  readonly subject: string;
  readonly children: ReactNode;
}) {
  return (
    <details className="table-alternative">
      <summary>
        {label}
        <span className="visually-hidden">: {subject}</span>
      </summary>
      {children}
    </details>
  );
}
