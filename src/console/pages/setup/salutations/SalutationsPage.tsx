import { Field, Input, makeStyles, Subtitle2, Text, tokens } from '@fluentui/react-components';
import { createContext, type Dispatch, type SetStateAction, use, useId, useState } from 'react';
import type { z } from 'zod';
import { SALUTATION_NAME_PARTS, salutationSchema } from '../../../../contract/setup-tables';
import type { SalutationNamePart } from '../../../../domain/salutation';
import type { LabelKey } from '../shared/message-keys';
import { useSetupI18n } from '../i18n/setup-i18n';
import type { Choice } from '../shared/fields';
import { type LineExtraProps, linesPart } from '../shared/lines';
import { recordPath, SETUP_LISTS } from '../shared/lists';
import { REFERENCES } from '../shared/references';
import { SetupTable } from '../shared/SetupTable';
import type { TableSpec } from '../shared/table-spec';
import { type ExampleContact, salutationExample } from './salutation-example';

type Salutation = z.output<typeof salutationSchema>;
type Formula = Salutation['formulas'][number];

const NAME_PART_LABELS: Record<SalutationNamePart, LabelKey> = {
  '': 'setup.salutations.partNone',
  jobTitle: 'setup.salutations.partJobTitle',
  firstName: 'setup.salutations.partFirstName',
  middleName: 'setup.salutations.partMiddleName',
  surname: 'setup.salutations.partSurname',
  initials: 'setup.salutations.partInitials',
  companyName: 'setup.salutations.partCompanyName',
};
const NAME_PARTS: readonly Choice[] = SALUTATION_NAME_PARTS.map((value) => ({ value, label: NAME_PART_LABELS[value] }));
const TYPES: readonly Choice[] = [
  { value: 'formal', label: 'setup.salutations.formal' },
  { value: 'informal', label: 'setup.salutations.informal' },
];
const NAME_COLUMNS = ['name1', 'name2', 'name3', 'name4', 'name5'] as const;
const NAME_LABELS: Record<(typeof NAME_COLUMNS)[number], LabelKey> = {
  name1: 'setup.salutations.name1',
  name2: 'setup.salutations.name2',
  name3: 'setup.salutations.name3',
  name4: 'setup.salutations.name4',
  name5: 'setup.salutations.name5',
};

/** The contact the examples are computed for; the page's, so that every formula's example follows it. */
const ExampleContext = createContext<[ExampleContact, Dispatch<SetStateAction<ExampleContact>>] | null>(null);

function useExampleContact(): [ExampleContact, Dispatch<SetStateAction<ExampleContact>>] {
  const value = use(ExampleContext);
  if (value === null) throw new Error('The salutation examples are used outside the Salutations page.');
  return value;
}

const useStyles = makeStyles({
  example: { fontStyle: 'italic' },
  problem: { color: tokens.colorPaletteRedForeground1 },
  contact: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(10rem, 1fr))', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
});

/** A formula's salutation for the example contact, live as the formula is typed. */
function FormulaExample({ lines, index }: LineExtraProps) {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const [contact] = useExampleContact();
  const values = lines[index]?.values ?? {};
  const example = salutationExample(
    { salutationType: values['salutationType'] === 'informal' ? 'informal' : 'formal', salutation: String(values['salutation'] ?? ''), nameParts: NAME_COLUMNS.map((name) => String(values[name] ?? '') as SalutationNamePart) },
    contact,
  );
  return example.ok ? <Text className={styles.example}>{example.text}</Text> : <Text className={styles.problem}>{t('setup.salutations.noText')}</Text>;
}

const CONTACT_FIELDS: readonly { name: keyof ExampleContact; label: LabelKey }[] = [
  { name: 'firstName', label: 'setup.salutations.partFirstName' },
  { name: 'middleName', label: 'setup.salutations.partMiddleName' },
  { name: 'surname', label: 'setup.salutations.partSurname' },
  { name: 'initials', label: 'setup.salutations.partInitials' },
  { name: 'jobTitle', label: 'setup.salutations.partJobTitle' },
  { name: 'companyName', label: 'setup.salutations.partCompanyName' },
];

/** The example contact, which the user may change to see the formulas with other names. */
function ExampleContactEditor() {
  const styles = useStyles();
  const { t } = useSetupI18n();
  const headingId = useId();
  const [contact, setContact] = useExampleContact();
  return (
    <section className={styles.contact} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('setup.salutations.exampleContact')}
      </Subtitle2>
      <Text>{t('setup.salutations.exampleContactHint')}</Text>
      <div className={styles.fields}>
        {CONTACT_FIELDS.map((field) => (
          <Field key={field.name} label={t(field.label)}>
            <Input value={contact[field.name]} onChange={(_event, data) => setContact((before) => ({ ...before, [field.name]: data.value }))} />
          </Field>
        ))}
      </div>
    </section>
  );
}

const spec: TableSpec<Salutation> = {
  title: 'nav.salutations',
  intro: 'setup.salutations.intro',
  newRecord: 'setup.salutations.new',
  list: SETUP_LISTS.salutations,
  key: { name: 'code', label: 'setup.field.code', maxLength: 10 },
  keyOf: (row) => row.code,
  columns: [
    { label: 'setup.field.description', text: (row) => row.description },
    { label: 'setup.salutations.formulas', text: (row) => String(row.formulas.length) },
  ],
  fields: [{ name: 'description', label: 'setup.field.description', kind: { kind: 'text', maxLength: 50 } }],
  parts: [
    linesPart<Salutation, Formula>({
      name: 'formulas',
      heading: 'setup.salutations.formulas',
      hint: 'setup.salutations.formulasHint',
      lineLabel: 'setup.salutations.formula',
      addLabel: 'setup.salutations.addFormula',
      columns: [
        { name: 'languageCode', label: 'setup.salutations.language', kind: { kind: 'reference', source: REFERENCES.languages, maxLength: 10 } },
        { name: 'salutationType', label: 'setup.salutations.type', kind: { kind: 'choice', options: TYPES } },
        { name: 'salutation', label: 'setup.salutations.salutation', kind: { kind: 'text', maxLength: 50, required: true } },
        ...NAME_COLUMNS.map((name) => ({ name, label: NAME_LABELS[name], kind: { kind: 'choice' as const, options: NAME_PARTS } })),
      ],
      linesOf: (row) => row.formulas,
      toColumns: (formula) => ({
        languageCode: formula.languageCode,
        salutationType: formula.salutationType,
        salutation: formula.salutation,
        ...Object.fromEntries(NAME_COLUMNS.map((name, index) => [name, formula.nameParts[index] ?? ''])),
      }),
      toLine: (columns) => ({
        languageCode: columns['languageCode'],
        salutationType: columns['salutationType'],
        salutation: columns['salutation'],
        nameParts: NAME_COLUMNS.map((name) => columns[name] ?? ''),
      }),
      check: (lines, t) => {
        // One formula per language and type: the service refuses the whole list otherwise.
        const keys = lines.map((line) => `${String(line['languageCode'])}/${String(line['salutationType'])}`);
        return keys.flatMap((key, index) => (keys.indexOf(key) !== keys.lastIndexOf(key) ? [{ path: `${index}.salutationType`, message: t('setup.salutations.onePerLanguage') }] : []));
      },
      extra: { label: 'setup.salutations.example', Component: FormulaExample, after: 'salutation' },
      Summary: ExampleContactEditor,
    }),
  ],
  savePath: (code) => recordPath('/setup/salutations', code),
  saveReply: salutationSchema,
};

/**
 * Salutation codes and their formulas per language and type (§12), each formula with the
 * salutation it gives an example contact, computed by the service's own rule as it is typed.
 */
export function SalutationsPage() {
  const { t } = useSetupI18n();
  const example = useState<ExampleContact>(() => ({
    firstName: t('setup.salutations.exampleFirstName'),
    middleName: '',
    surname: t('setup.salutations.exampleSurname'),
    initials: t('setup.salutations.exampleInitials'),
    jobTitle: t('setup.salutations.exampleJobTitle'),
    companyName: t('setup.salutations.exampleCompanyName'),
  }));
  return (
    <ExampleContext value={example}>
      <SetupTable spec={spec} />
    </ExampleContext>
  );
}
