import { Field, Input, makeStyles, mergeClasses, Select, Switch } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { memo } from 'react';
import { calcDate } from '../../../../domain/date-formula';
import { useSetupI18n } from '../i18n/setup-i18n';
import { setupListQuery } from '../../../queries/setup-tables';
import { useConsole } from '../../../shell/console-context';
import { type DraftValue, type FieldSpec, formulaLanguageOf, parseDateFormulaField, problemText } from './fields';
import type { ReferenceOption, ReferenceSource } from './references';
import { todayIso } from './today';

const useStyles = makeStyles({
  // Read by screen readers, not shown: a cell of a lines table is labelled by its column heading.
  hiddenLabel: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  code: { textTransform: 'uppercase' },
  // In a lines table an input is as wide as what it usually holds, so a line of eight fields fits.
  compactText: { width: '10rem', minWidth: 0 },
  compactNumber: { width: '6rem', minWidth: 0 },
  compactDate: { width: '10rem', minWidth: 0 },
});

export type FieldEditorProps = {
  field: FieldSpec;
  value: DraftValue;
  /** The problem saving found at this field, or the service reported. */
  error: string | undefined;
  onChange(name: string, value: DraftValue): void;
  disabled?: boolean;
  /** In a lines table: the label is read out, not shown (the column heading shows it), and the help is left out. */
  label?: string;
  compact?: boolean;
};

/** One field with its label, help and error, by its kind; redrawn only when its own props change. */
export const FieldEditor = memo(function FieldEditor({ field, value, error, onChange, disabled = false, label, compact = false }: FieldEditorProps) {
  const styles = useStyles();
  const { t, locale, format } = useSetupI18n();
  const kind = field.kind;
  const change = (next: DraftValue) => onChange(field.name, next);
  let shownError = error;
  let status: string | undefined;
  if (kind.kind === 'dateFormula') {
    // A formula is checked as it is typed, and shows the date it gives from today.
    const parsed = parseDateFormulaField(String(value), { formulaLanguage: formulaLanguageOf(locale) });
    if (!parsed.ok) shownError ??= problemText(parsed.problem, t);
    else if (String(value).trim() !== '') status = t('setup.dateFormula.preview', { date: format.date(calcDate(String(parsed.value), todayIso())) });
  }
  const common = {
    label: label === undefined ? t(field.label) : { children: label, className: styles.hiddenLabel },
    ...(compact || field.hint === undefined ? {} : { hint: t(field.hint) }),
    ...(shownError === undefined ? (status === undefined ? {} : { validationState: 'none' as const, validationMessage: status }) : { validationState: 'error' as const, validationMessage: shownError }),
  };
  switch (kind.kind) {
    case 'flag':
      return (
        <Field {...common}>
          <Switch checked={value === true} disabled={disabled} onChange={(_event, data) => change(data.checked)} />
        </Field>
      );
    case 'choice':
      return (
        <Field {...common}>
          <Select value={String(value)} disabled={disabled} onChange={(_event, data) => change(data.value)}>
            {kind.options.map((option) => (
              <option key={option.value} value={option.value}>
                {t(option.label)}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'reference':
      return (
        <Field {...common}>
          <ReferenceSelect source={kind.source} required={kind.required === true} value={String(value)} disabled={disabled} onChange={change} />
        </Field>
      );
    case 'integer':
    case 'decimal':
      return (
        <Field {...common}>
          <Input
            className={compact ? styles.compactNumber : undefined}
            inputMode={kind.kind === 'integer' ? 'numeric' : 'decimal'}
            value={String(value)}
            disabled={disabled}
            onChange={(_event, data) => change(data.value)}
          />
        </Field>
      );
    case 'date':
      return (
        <Field {...common}>
          <Input className={compact ? styles.compactDate : undefined} type="date" value={String(value)} disabled={disabled} onChange={(_event, data) => change(data.value)} />
        </Field>
      );
    case 'code':
    case 'dateFormula':
      return (
        <Field {...common}>
          <Input className={mergeClasses(styles.code, compact && styles.compactText)} value={String(value)} disabled={disabled} onChange={(_event, data) => change(data.value)} />
        </Field>
      );
    case 'text':
    case 'email':
      return (
        <Field {...common}>
          <Input
            className={compact ? styles.compactText : undefined}
            type={kind.kind === 'email' ? 'email' : 'text'}
            value={String(value)}
            disabled={disabled}
            onChange={(_event, data) => change(data.value)}
          />
        </Field>
      );
  }
});

type ReferenceSelectProps = { source: ReferenceSource; required: boolean; value: string; disabled: boolean; onChange(value: string): void };

/**
 * A code picked from the records of another table, each shown with its description. A code that
 * table no longer has stays offered, so the record shows what it holds until it is changed.
 */
function ReferenceSelect({ source, required, value, disabled, onChange }: ReferenceSelectProps) {
  const { t } = useSetupI18n();
  const { api } = useConsole();
  const options = useQuery(setupListQuery(api, source.list));
  const offered: ReferenceOption[] = options.isSuccess ? options.data.map((row) => source.option(row)) : [];
  const current = value.toUpperCase();
  if (current !== '' && !offered.some((option) => option.code === current)) offered.unshift({ code: current, description: '' });
  return (
    <Select value={current} disabled={disabled || options.isPending} onChange={(_event, data) => onChange(data.value)}>
      {required && current !== '' ? null : <option value="">{t(options.isError ? 'setup.optionsFailed' : required ? 'setup.choose' : 'setup.none')}</option>}
      {offered.map((option) => (
        <option key={option.code} value={option.code}>
          {option.description === '' ? option.code : `${option.code} – ${option.description}`}
        </option>
      ))}
    </Select>
  );
}
