import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';

const useStyles = makeStyles({
  scroller: {
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  table: { width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: tokens.fontSizeBase300 },
  headerCell: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    textAlign: 'start',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  row: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  cell: {
    padding: `0 ${tokens.spacingHorizontalM}`,
    whiteSpace: 'nowrap',
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    color: tokens.colorNeutralForeground1,
  },
  spacer: { padding: 0, border: 'none' },
  // Read out as the table's name, not shown: the page's heading already says what it lists.
  caption: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  footer: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalM, minHeight: '2.5rem' },
});

export type VirtualColumn<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** A CSS width (`8rem`, `20%`); the others share what is left. */
  width?: string;
  /** The order the rows come in by this column, when they are sorted by it. */
  sorted?: 'ascending' | 'descending';
};

export type VirtualTableProps<T> = {
  /** What the table holds, for screen readers (its caption) and its scrolled region. */
  label: string;
  columns: readonly VirtualColumn<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  /** Another page follows the rows loaded so far. */
  hasMore: boolean;
  loadingMore: boolean;
  /** Fetch the next page: called when the last rows come into view, and by the Load more button. */
  onLoadMore: () => void;
  loadMoreLabel: string;
  loadingLabel: string;
  /** How tall the scrolled region is (a CSS length). */
  height?: string;
};

/** The height of every row, in pixels: rows are one line each, so none needs measuring. */
export const ROW_HEIGHT = 40;

/** Rows drawn beyond those in view, so that scrolling shows no blank rows. */
const OVERSCAN = 12;

/** How near the end of the loaded rows the view may come before the next page is fetched. */
const PREFETCH_ROWS = 20;

/**
 * A table of any number of rows that draws only those in view (TanStack Virtual) and fetches the
 * next page as the view nears the end of what is loaded. It stays a real table for screen readers:
 * the rows drawn carry their position (`aria-rowindex`) and the table its row count once all are
 * loaded (-1 while more may follow); empty rows above and below keep the scroll height. A Load more
 * button does the same as scrolling to the end, for whoever does not scroll.
 */
export function VirtualTable<T>({ label, columns, rows, rowKey, hasMore, loadingMore, onLoadMore, loadMoreLabel, loadingLabel, height = 'max(20rem, calc(100vh - 26rem))' }: VirtualTableProps<T>) {
  const styles = useStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: OVERSCAN });
  const items = virtualizer.getVirtualItems();
  const lastDrawn = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastDrawn >= rows.length - PREFETCH_ROWS) onLoadMore();
  }, [hasMore, loadingMore, lastDrawn, rows.length, onLoadMore]);

  const top = items[0]?.start ?? 0;
  const bottom = items.length === 0 ? 0 : virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <>
      {/* Focusable, so that the keyboard can scroll it; named, so that screen readers say what it is. */}
      <div ref={scroller} className={styles.scroller} style={{ height }} tabIndex={0} role="region" aria-label={label} data-virtual-scroller="">
        <table className={styles.table} aria-rowcount={hasMore ? -1 : rows.length + 1}>
          <caption className={styles.caption}>
            {label}
          </caption>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={styles.headerCell}
                  style={column.width === undefined ? undefined : { width: column.width }}
                  aria-sort={column.sorted}
                  title={typeof column.header === 'string' ? column.header : undefined}
                >
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {top > 0 ? (
              <tr aria-hidden="true">
                <td className={styles.spacer} style={{ height: top }} colSpan={columns.length} />
              </tr>
            ) : null}
            {items.map((item) => {
              const row = rows[item.index] as T;
              return (
                <tr key={rowKey(row)} className={styles.row} style={{ height: ROW_HEIGHT }} aria-rowindex={item.index + 2}>
                  {columns.map((column) => {
                    const content = column.cell(row);
                    // A text cut off by the column's width is still there to read on hover.
                    const title = typeof content === 'string' || typeof content === 'number' ? String(content) : undefined;
                    return (
                      <td key={column.key} className={styles.cell} title={title}>
                        {content}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
            {bottom > 0 ? (
              <tr aria-hidden="true">
                <td className={styles.spacer} style={{ height: bottom }} colSpan={columns.length} />
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>
      <div className={styles.footer}>
        {loadingMore ? <Spinner size="tiny" labelPosition="after" label={loadingLabel} /> : null}
        {hasMore && !loadingMore ? (
          <Button appearance="subtle" onClick={onLoadMore}>
            {loadMoreLabel}
          </Button>
        ) : null}
      </div>
    </>
  );
}
