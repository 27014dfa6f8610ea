import { Body1, Button, Field, Input, makeStyles, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, tokens } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import type { z } from 'zod';
import type { campaignSchema, priceLineSchema } from '../../../contract/campaigns';
import { ApiError } from '../../api/api-error';
import { type CampaignsTranslate, useCampaignsT } from '../../i18n/campaigns/campaigns-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { itemsQuery, priceLinesQuery, useSavePriceLines } from '../../queries/campaigns';
import { useConsole } from '../../shell/console-context';
import { QueryError } from '../../shell/QueryError';
import { CodeSelect } from '../campaigns/CampaignFieldInput';
import { refusalText } from '../campaigns/refusal-text';
import { DataTable } from '../shared/DataTable';
import { type Outcome, OutcomeMessage, Section, useCardStyles } from './card-parts';
import { amountColumn, draftLinesOf, type LineProblem, linesToSend, newLine, placeLineProblems, type PriceLineColumn, type PriceLineDraft, type PriceLineKind, sameLines } from './price-lines';

type Campaign = z.output<typeof campaignSchema>;
type PriceLine = z.output<typeof priceLineSchema>;

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  scroll: { overflowX: 'auto', maxWidth: '100%' },
  table: { minWidth: 'max-content', tableLayout: 'auto' },
  cell: { verticalAlign: 'top', paddingTop: tokens.spacingVerticalXS, paddingBottom: tokens.spacingVerticalXS },
  item: { width: '16rem', minWidth: 0 },
  number: { width: '7rem', minWidth: 0 },
  kind: { width: '9rem', minWidth: 0 },
  lineError: { color: tokens.colorPaletteRedForeground1 },
});

export type PriceLinesSectionProps = { campaign: Campaign; manager: boolean };

/**
 * Sales prices and line discounts: each line an item with a minimum quantity and a unit price or a
 * line discount %. The lines' dates are the campaign's, shown and not typed. A manager edits the
 * lines and saves them whole (`PUT …/price-lines`); a salesperson reads them.
 */
export function PriceLinesSection({ campaign, manager }: PriceLinesSectionProps) {
  const card = useCardStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { api } = useConsole();
  const lines = useQuery(priceLinesQuery(api, campaign.no));
  const dates = useDates(campaign);
  return (
    <Section title={t('card.section.prices')}>
      <Body1 as="p" className={card.muted}>
        {t('prices.datesNote', { start: dates.start, end: dates.end })}
      </Body1>
      {lines.isPending ? <Spinner size="tiny" labelPosition="after" label={shell.t('common.loading')} /> : null}
      {lines.isError ? <QueryError title={t('card.sectionFailed')} error={lines.error} onRetry={() => void lines.refetch()} /> : null}
      {lines.isSuccess ? (
        manager ? (
          <PriceLinesEditor campaign={campaign} saved={lines.data.items} dates={dates} />
        ) : lines.data.items.length === 0 ? (
          <Text className={card.muted}>{t('prices.none')}</Text>
        ) : (
          <PriceLinesTable lines={lines.data.items} dates={dates} />
        )
      ) : null}
    </Section>
  );
}

type Dates = { start: string; end: string };

/** The campaign's dates as the lines show them; a blank one says the line is open on that side. */
function useDates(campaign: Campaign): Dates {
  const t = useCampaignsT();
  const { format } = useI18n();
  return { start: campaign.startingDate === null ? t('prices.noDate') : format.date(campaign.startingDate), end: campaign.endingDate === null ? t('prices.noDate') : format.date(campaign.endingDate) };
}

const KIND_LABEL = { price: 'prices.kind.price', discount: 'prices.kind.discount' } as const;

function useItemNames(): (itemNo: string) => string {
  const { api } = useConsole();
  const items = useQuery(itemsQuery(api));
  return (itemNo) => {
    const item = items.data?.items.find((candidate) => candidate.no === itemNo);
    return item === undefined || item.description === '' ? itemNo : `${itemNo} – ${item.description}`;
  };
}

function PriceLinesTable({ lines, dates }: { lines: PriceLine[]; dates: Dates }) {
  const t = useCampaignsT();
  const { format } = useI18n();
  const itemName = useItemNames();
  return (
    <DataTable
      label={t('card.section.prices')}
      rows={lines}
      rowKey={(line) => String(line.lineNo)}
      columns={[
        { key: 'kind', header: t('prices.column.kind'), cell: (line) => t(KIND_LABEL[line.kind]) },
        { key: 'item', header: t('prices.column.itemNo'), cell: (line) => itemName(line.itemNo) },
        { key: 'quantity', header: t('prices.column.minimumQuantity'), cell: (line) => format.number(line.minimumQuantity) },
        { key: 'price', header: t('prices.column.unitPrice'), cell: (line) => (line.kind === 'price' ? format.money(line.unitPrice) : '') },
        { key: 'discount', header: t('prices.column.lineDiscountPct'), cell: (line) => (line.kind === 'discount' ? format.percent(line.lineDiscountPct) : '') },
        { key: 'start', header: t('prices.column.startingDate'), cell: () => dates.start },
        { key: 'end', header: t('prices.column.endingDate'), cell: () => dates.end },
      ]}
    />
  );
}

const lineProblemText = (t: CampaignsTranslate, problem: LineProblem) => t(problem === 'itemRequired' ? 'prices.itemRequired' : 'prices.notNumber');

type EditorProps = { campaign: Campaign; saved: PriceLine[]; dates: Dates };

function PriceLinesEditor({ campaign, saved, dates }: EditorProps) {
  const styles = useStyles();
  const card = useCardStyles();
  const t = useCampaignsT();
  const shell = useI18n();
  const { api } = useConsole();
  const items = useQuery(itemsQuery(api));
  const save = useSavePriceLines(api, campaign.no);
  const savedDrafts = useMemo(() => draftLinesOf(saved), [saved]);
  // null: the lines as saved; set once the user changes something.
  const [draft, setDraft] = useState<PriceLineDraft[] | null>(null);
  const [inputErrors, setInputErrors] = useState<ReadonlyMap<string, string>>(new Map());
  const [lineErrors, setLineErrors] = useState<ReadonlyMap<number, string[]>>(new Map());
  const [outcome, setOutcome] = useState<Outcome>(null);
  const current = draft ?? savedDrafts;
  const changed = !sameLines(current, savedDrafts);
  const itemOptions = (items.data?.items ?? []).map((item) => ({ code: item.no, text: item.description === '' ? item.no : `${item.no} – ${item.description}` }));

  const change = (next: PriceLineDraft[]) => {
    setDraft(next);
    setOutcome(null);
  };
  const setColumn = (index: number, column: PriceLineColumn, value: string) => {
    change(current.map((line, at) => (at === index ? { ...line, [column]: column === 'kind' ? (value as PriceLineKind) : value } : line)));
    // A value the user changed no longer carries the error it had, nor does its line.
    setInputErrors((before) => new Map([...before].filter(([path]) => path !== `lines.${index}.${column}`)));
    setLineErrors((before) => new Map([...before].filter(([at]) => at !== index)));
  };
  const clearErrors = () => {
    setInputErrors(new Map());
    setLineErrors(new Map());
  };
  const removeLine = (index: number) => {
    change(current.filter((_line, at) => at !== index));
    // The lines after it move up: their errors no longer name them.
    clearErrors();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending || !changed) return;
    const toSend = linesToSend(current);
    if (toSend.problems.length > 0) {
      setInputErrors(new Map(toSend.problems.map((problem) => [problem.path, lineProblemText(t, problem.problem)])));
      setLineErrors(new Map());
      setOutcome({ kind: 'failed', text: t('form.fixFields') });
      return;
    }
    try {
      await save.mutateAsync(toSend.lines);
      setDraft(null);
      clearErrors();
      setOutcome({ kind: 'done', text: t('prices.saved') });
    } catch (error) {
      const placed = placeLineProblems(error instanceof ApiError ? error.fields : []);
      setInputErrors(placed.atInputs);
      setLineErrors(placed.atLines);
      const shown = placed.atInputs.size + placed.atLines.size > 0;
      setOutcome({ kind: 'failed', text: shown && placed.elsewhere.length === 0 ? t('form.fixFields') : t('form.notSaved', { reason: [refusalText(error, shell.t), ...placed.elsewhere].join(' ') }) });
    }
  };

  const cellInput = (index: number, column: PriceLineColumn, label: string, input: ReactNode) => {
    const error = inputErrors.get(`lines.${index}.${column}`);
    return (
      <Field label={{ children: label, className: card.hiddenLabel }} {...(error === undefined ? {} : { validationState: 'error' as const, validationMessage: error })}>
        {input}
      </Field>
    );
  };
  const numberInput = (line: PriceLineDraft, index: number, column: 'minimumQuantity' | 'unitPrice' | 'lineDiscountPct', lineName: string) =>
    cellInput(
      index,
      column,
      `${t(`prices.column.${column}`)}, ${lineName}`,
      <Input className={styles.number} inputMode="decimal" value={line[column]} disabled={save.isPending} onChange={(_event, data) => setColumn(index, column, data.value)} />,
    );

  return (
    <form className={styles.form} onSubmit={(event) => void submit(event)} noValidate>
      {current.length === 0 ? (
        <Text className={card.muted}>{t('prices.none')}</Text>
      ) : (
        <div className={styles.scroll}>
          <Table size="small" className={styles.table} aria-label={t('card.section.prices')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('prices.column.kind')}</TableHeaderCell>
                <TableHeaderCell>{t('prices.column.itemNo')}</TableHeaderCell>
                <TableHeaderCell>{t('prices.column.minimumQuantity')}</TableHeaderCell>
                <TableHeaderCell>{t('prices.column.unitPrice')}</TableHeaderCell>
                <TableHeaderCell>{t('prices.column.lineDiscountPct')}</TableHeaderCell>
                <TableHeaderCell>{t('prices.column.startingDate')}</TableHeaderCell>
                <TableHeaderCell>{t('prices.column.endingDate')}</TableHeaderCell>
                <TableHeaderCell>{t('prices.column.actions')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {current.flatMap((line, index) => {
                const lineName = t('prices.line', { n: index + 1 });
                const problems = lineErrors.get(index) ?? [];
                const rows = [
                  <TableRow key={line.key}>
                    <TableCell className={styles.cell}>
                      {cellInput(
                        index,
                        'kind',
                        `${t('prices.column.kind')}, ${lineName}`,
                        <Select className={styles.kind} select={{ className: styles.kind }} value={line.kind} disabled={save.isPending} onChange={(_event, data) => setColumn(index, 'kind', data.value)}>
                          <option value="price">{t('prices.kind.price')}</option>
                          <option value="discount">{t('prices.kind.discount')}</option>
                        </Select>,
                      )}
                    </TableCell>
                    <TableCell className={styles.cell}>
                      {cellInput(
                        index,
                        'itemNo',
                        `${t('prices.column.itemNo')}, ${lineName}`,
                        <CodeSelect
                          className={styles.item}
                          value={line.itemNo}
                          disabled={save.isPending}
                          onChange={(value) => setColumn(index, 'itemNo', value)}
                          blankLabel={t('prices.chooseItem')}
                          options={itemOptions}
                        />,
                      )}
                    </TableCell>
                    <TableCell className={styles.cell}>{numberInput(line, index, 'minimumQuantity', lineName)}</TableCell>
                    <TableCell className={styles.cell}>{amountColumn(line.kind) === 'unitPrice' ? numberInput(line, index, 'unitPrice', lineName) : null}</TableCell>
                    <TableCell className={styles.cell}>{amountColumn(line.kind) === 'lineDiscountPct' ? numberInput(line, index, 'lineDiscountPct', lineName) : null}</TableCell>
                    <TableCell className={styles.cell}>{dates.start}</TableCell>
                    <TableCell className={styles.cell}>{dates.end}</TableCell>
                    <TableCell className={styles.cell}>
                      <Button size="small" disabled={save.isPending} onClick={() => removeLine(index)} aria-label={t('prices.removeNamed', { line: lineName })}>
                        {t('prices.remove')}
                      </Button>
                    </TableCell>
                  </TableRow>,
                ];
                if (problems.length > 0) {
                  rows.push(
                    <TableRow key={`${line.key}-problems`}>
                      <TableCell colSpan={8}>
                        <Text className={styles.lineError}>{t('prices.lineProblems', { line: lineName, problems: problems.join(' ') })}</Text>
                      </TableCell>
                    </TableRow>,
                  );
                }
                return rows;
              })}
            </TableBody>
          </Table>
        </div>
      )}
      <OutcomeMessage outcome={outcome} />
      <div className={card.commands}>
        <Button type="button" disabled={save.isPending} onClick={() => change([...current, newLine(current)])}>
          {t('prices.add')}
        </Button>
        <Button type="submit" appearance="primary" disabled={save.isPending || !changed}>
          {save.isPending ? shell.t('common.saving') : t('prices.save')}
        </Button>
        <Button
          type="button"
          disabled={save.isPending || draft === null}
          onClick={() => {
            setDraft(null);
            clearErrors();
            setOutcome(null);
          }}
        >
          {shell.t('common.discard')}
        </Button>
        {changed ? <Text className={card.muted}>{t('form.unsaved')}</Text> : null}
      </div>
    </form>
  );
}
