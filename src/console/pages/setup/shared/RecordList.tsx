import { Button, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { useSetupI18n } from '../i18n/setup-i18n';
import { useConsole } from '../../../shell/console-context';
import type { TableSpec } from './table-spec';

/** A row's height before it is measured. */
const ROW_ESTIMATE = 41;
/**
 * The height the list assumes while its box has none (before layout, or where there is no layout):
 * rows then show rather than nothing; the real height replaces it once it is known.
 */
const UNMEASURED_HEIGHT = 600;

const useStyles = makeStyles({
  scroll: {
    maxHeight: '60vh',
    overflowY: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  header: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
  selected: { backgroundColor: tokens.colorSubtleBackgroundSelected },
  // The code in the neutral text colours whatever the button's state: Fluent's brand colour of a
  // hovered transparent button is too faint on a selected row in the dark theme.
  key: {
    fontWeight: tokens.fontWeightSemibold,
    minWidth: 0,
    justifyContent: 'flex-start',
    color: tokens.colorNeutralForeground1,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    ':hover:active': { color: tokens.colorNeutralForeground1Pressed },
  },
});

export type RecordListProps<Row> = {
  spec: TableSpec<Row>;
  rows: readonly Row[];
  selectedKey: string | null;
  onSelect(key: string): void;
};

/**
 * A setup table's records as a table, its code the button that opens a record. Only the rows in
 * view are drawn (TanStack Virtual), with spacer rows for the rest, so a list of thousands of
 * salespeople or countries scrolls as lightly as one of ten; the table still tells assistive
 * technology how many rows it has and where each drawn one is.
 */
export function RecordList<Row>({ spec, rows, selectedKey, onSelect }: RecordListProps<Row>) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const { me } = useConsole();
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    observeElementRect: (instance, callback) => observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { ...rect, height: UNMEASURED_HEIGHT })),
  });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  const columnCount = spec.columns.length + 1;
  return (
    <div ref={scrollRef} className={styles.scroll}>
      <Table size="small" aria-label={t(spec.title)} aria-rowcount={rows.length + 1}>
        <TableHeader className={styles.header}>
          <TableRow aria-rowindex={1}>
            <TableHeaderCell>{t(spec.key.label)}</TableHeaderCell>
            {spec.columns.map((column) => (
              <TableHeaderCell key={column.label}>{t(column.label)}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {before > 0 ? (
            <tr aria-hidden="true" style={{ height: before }}>
              <td colSpan={columnCount} />
            </tr>
          ) : null}
          {items.map((item) => {
            const row = rows[item.index] as Row;
            const key = spec.keyOf(row);
            const selected = key === selectedKey;
            return (
              <TableRow key={key} data-index={item.index} ref={virtualizer.measureElement} aria-rowindex={item.index + 2} className={selected ? styles.selected : undefined}>
                <TableCell>
                  <Button appearance="transparent" size="small" className={styles.key} aria-current={selected ? 'true' : undefined} onClick={() => onSelect(key)}>
                    {key}
                  </Button>
                </TableCell>
                {spec.columns.map((column) => (
                  <TableCell key={column.label}>{column.text(row, { t, me })}</TableCell>
                ))}
              </TableRow>
            );
          })}
          {after > 0 ? (
            <tr aria-hidden="true" style={{ height: after }}>
              <td colSpan={columnCount} />
            </tr>
          ) : null}
        </TableBody>
      </Table>
    </div>
  );
}
