import { Button, Checkbox, Field, Label, makeStyles, MessageBar, MessageBarBody, Select, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { type ChangeEvent, useId, useState } from 'react';
import { IMPORT_FIELDS, type ImportField } from '../../../contract/contact-import';
import { useContactsT } from '../../i18n/contacts/contacts-messages';
import { useI18n } from '../../i18n/I18nProvider';
import { savedMappingQuery, useSaveMapping, useUploadImport } from '../../queries/contact-import';
import { useConsole } from '../../shell/console-context';
import { errorText } from '../../shell/error-text';
import { choiceProblems, type ColumnChoices, CSV_START_BYTES, type CsvStart, mappingOf, proposeColumns, readCsvStart } from './import-columns';

const useStyles = makeStyles({
  step: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  table: { width: '100%', maxWidth: '48rem', borderCollapse: 'collapse' },
  headerCell: { textAlign: 'start', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, color: tokens.colorNeutralForeground2, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  cell: { padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, verticalAlign: 'top', color: tokens.colorNeutralForeground1 },
  example: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM },
  muted: { color: tokens.colorNeutralForeground2 },
  fileField: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', rowGap: tokens.spacingVerticalXS },
  failure: { color: tokens.colorPaletteRedForeground1 },
});

/** The beginning of a file as text (FileReader: every browser has it, and it reads only the slice). */
function readStart(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsText(file.slice(0, CSV_START_BYTES), 'utf-8');
  });
}

type Chosen = { file: File; start: CsvStart; choices: ColumnChoices; source: 'saved' | 'names' };

export type ChooseFileProps = { onStaged: (importId: string) => void };

/**
 * The first steps of an import: a CSV file, read only as far as its header and first row, then
 * the field each column fills (proposed from the tenant's saved mapping, else the column names),
 * then the upload that stages it and runs the dry run. The mapping is remembered for the tenant
 * (`PUT /contacts/import/mapping`) when the manager leaves the box ticked.
 */
export function ChooseFile({ onStaged }: ChooseFileProps) {
  const styles = useStyles();
  const t = useContactsT();
  const shell = useI18n();
  const { api } = useConsole();
  const queryClient = useQueryClient();
  const saveMapping = useSaveMapping(api);
  const upload = useUploadImport(api);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [readFailure, setReadFailure] = useState<string | null>(null);
  const [remember, setRemember] = useState(true);
  const [shownProblems, setShownProblems] = useState(false);
  const [uploadFailure, setUploadFailure] = useState<string | null>(null);
  const mappingHeadingId = useId();
  const fileId = useId();
  const hintId = useId();
  const failureId = useId();

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    setChosen(null);
    setReadFailure(null);
    setUploadFailure(null);
    setShownProblems(false);
    if (file === undefined) return;
    let start: CsvStart | null;
    try {
      start = readCsvStart(await readStart(file), file.size <= CSV_START_BYTES);
    } catch (error) {
      setReadFailure(t('import.readFailed', { reason: error instanceof Error ? error.message : String(error) }));
      return;
    }
    if (start === null) {
      setReadFailure(t('import.noHeader'));
      return;
    }
    // The saved mapping proposes the fields; without it (not saved, or not loaded) the column names do.
    const saved = await queryClient.ensureQueryData(savedMappingQuery(api)).then(
      (answer) => answer.mapping,
      () => null,
    );
    const { choices, source } = proposeColumns(start.columns.filter((column) => column !== ''), saved);
    setChosen({ file, start, choices, source });
  };

  const problems = chosen === null ? [] : choiceProblems(chosen.choices);
  const twice = new Map(problems.flatMap((problem) => (problem.kind === 'twice' ? problem.columns.map((column) => [column, problem.field] as const) : [])));
  const busy = saveMapping.isPending || upload.isPending;

  const check = async () => {
    if (chosen === null || busy) return;
    setShownProblems(true);
    setUploadFailure(null);
    if (problems.length > 0) return;
    const mapping = mappingOf(chosen.choices);
    try {
      // Remembering the mapping is a convenience: the import goes on without it.
      if (remember) await saveMapping.mutateAsync(mapping).catch(() => undefined);
      const staged = await upload.mutateAsync({ file: chosen.file, mapping });
      onStaged(staged.id);
    } catch (error) {
      setUploadFailure(t('import.uploadFailed', { reason: errorText(error, shell.t) }));
    }
  };

  return (
    <div className={styles.step}>
      <div className={styles.fileField}>
        <Label htmlFor={fileId} weight="semibold">
          {t('import.file')}
        </Label>
        <input
          id={fileId}
          type="file"
          accept=".csv,text/csv"
          aria-describedby={readFailure === null ? hintId : `${hintId} ${failureId}`}
          aria-invalid={readFailure === null ? undefined : true}
          onChange={(event) => void choose(event)}
        />
        <Text id={hintId} size={200} className={styles.muted}>
          {t('import.fileHint')}
        </Text>
        <div role="alert">
          {readFailure === null ? null : (
            <Text id={failureId} size={200} className={styles.failure}>
              {readFailure}
            </Text>
          )}
        </div>
      </div>
      {chosen === null ? null : (
        <section className={styles.step} aria-labelledby={mappingHeadingId}>
          <Subtitle2 as="h2" id={mappingHeadingId} className={styles.heading}>
            {t('import.mapping')}
          </Subtitle2>
          <Text className={styles.muted}>
            {t('import.mappingIntro')} {t(chosen.source === 'saved' ? 'import.mappingFromSaved' : 'import.mappingFromNames')}
          </Text>
          <table className={styles.table}>
            <thead>
              <tr>
                <th scope="col" className={styles.headerCell}>
                  {t('import.column')}
                </th>
                <th scope="col" className={styles.headerCell}>
                  {t('import.example')}
                </th>
                <th scope="col" className={styles.headerCell}>
                  {t('import.field')}
                </th>
              </tr>
            </thead>
            <tbody>
              {chosen.start.columns.map((column, index) =>
                column === '' ? null : (
                  <tr key={column}>
                    <th scope="row" className={styles.cell}>
                      {column}
                    </th>
                    <td className={`${styles.cell} ${styles.example}`}>{chosen.start.firstRow[index] ?? ''}</td>
                    <td className={styles.cell}>
                      <ColumnField
                        column={column}
                        value={chosen.choices[column] ?? ''}
                        error={shownProblems && twice.has(column) ? t('import.mappedTwice', { field: t(`field.${twice.get(column) as ImportField}`) }) : undefined}
                        onChange={(field) => setChosen({ ...chosen, choices: { ...chosen.choices, [column]: field } })}
                      />
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
          <Checkbox checked={remember} onChange={(_event, data) => setRemember(data.checked === true)} label={t('import.rememberMapping')} />
          <div role="alert">
            {shownProblems && problems.some((problem) => problem.kind === 'noIdentifying') ? (
              <MessageBar intent="error">
                <MessageBarBody>{t('import.needIdentifying')}</MessageBarBody>
              </MessageBar>
            ) : null}
            {uploadFailure === null ? null : (
              <MessageBar intent="error">
                <MessageBarBody>{uploadFailure}</MessageBarBody>
              </MessageBar>
            )}
          </div>
          <div className={styles.commands}>
            <Button appearance="primary" disabled={busy} onClick={() => void check()}>
              {busy ? t('import.checking') : t('import.check')}
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

type ColumnFieldProps = { column: string; value: ImportField | ''; error: string | undefined; onChange: (field: ImportField | '') => void };

function ColumnField({ column, value, error, onChange }: ColumnFieldProps) {
  const t = useContactsT();
  return (
    <Field {...(error === undefined ? {} : { validationState: 'error' as const, validationMessage: error })}>
      <Select
        aria-label={`${t('import.field')}: ${column}`}
        value={value}
        onChange={(_event, data) => onChange(IMPORT_FIELDS.find((field) => field === data.value) ?? '')}
      >
        <option value="">{t('import.notImported')}</option>
        {IMPORT_FIELDS.map((field) => (
          <option key={field} value={field}>
            {t(`field.${field}`)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
