import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Subtitle2,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { type Dispatch, type FormEvent, memo, type ReactNode, useId, useReducer } from 'react';
import type { MarketingSetupBody } from '../../../contract/marketing-setup';
import { ApiError } from '../../api/api-error';
import type { MessageKey, Translate } from '../../i18n/catalogue';
import { useI18n } from '../../i18n/I18nProvider';
import { marketingSetupQuery, useSaveMarketingSetup } from '../../queries/marketing-setup';
import { useConsole } from '../../shell/console-context';
import { errorText } from '../../shell/error-text';
import { PageHeading } from '../../shell/PageHeading';
import { QueryError } from '../../shell/QueryError';
import { FIELD_KINDS, SETUP_GROUPS, type SetupField, type SetupGroup } from './setup-fields';
import { changeToSend, type DraftValue, editField, type Edits, isSetupField, type LocalProblem, shownValue } from './setup-form';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL, maxWidth: '60rem' },
  form: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXL },
  // The commands and the last save's outcome stay in view while the groups scroll under them.
  commandBar: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    padding: `${tokens.spacingVerticalS} 0`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  commands: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalS },
  outcome: { marginTop: tokens.spacingVerticalS },
  unsaved: { color: tokens.colorNeutralForeground2 },
  group: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  groupHeading: { margin: 0 },
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))',
    columnGap: tokens.spacingHorizontalXXL,
    rowGap: tokens.spacingVerticalL,
    alignItems: 'start',
  },
});

/** Why the save went wrong, as the form shows it. */
type SaveOutcome = { kind: 'saved'; rebuilt: boolean } | { kind: 'fixFields' } | { kind: 'failed'; reason: string } | null;

/**
 * Marketing Setup (Business Central's page 5094) on one page, in its groups, every field with its
 * help. Saving sends only the fields that changed; what the user typed stays until it is saved or
 * discarded, also when saving fails, and a problem the service reports for a field shows at that
 * field. The coupled duplicate flags act as they do in Business Central the moment they are switched.
 */
export function MarketingSetupPage() {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useConsole();
  const setup = useQuery(marketingSetupQuery(api));
  return (
    <div className={styles.page}>
      <PageHeading title={t('marketingSetup.heading')} intro={t('marketingSetup.intro')} />
      {setup.isPending ? <Spinner size="small" labelPosition="after" label={t('common.loading')} /> : null}
      {setup.isError ? <QueryError title={t('marketingSetup.loadFailed')} error={setup.error} onRetry={() => void setup.refetch()} /> : null}
      {setup.isSuccess ? <SetupForm saved={setup.data} /> : null}
    </div>
  );
}

function localProblemText(problem: LocalProblem, t: Translate): string {
  switch (problem.kind) {
    case 'notInteger':
      return t('marketingSetup.notInteger');
    case 'range':
      return t('marketingSetup.range', { min: problem.min, max: problem.max });
    case 'tooLong':
      return t('marketingSetup.tooLong', { max: problem.max });
  }
}

function withoutKeys<T extends object>(record: T, keys: readonly (keyof T)[]): T {
  const copy = { ...record };
  for (const key of keys) delete copy[key];
  return copy;
}

/** What the form says when a switch moved the other coupled flag, by that flag and its new value. */
type CoupledNote = Extract<MessageKey, `marketingSetup.coupled${string}`>;

// Maintain is only ever switched on by the other flag (Autosearch on); Autosearch follows Maintain both ways.
const COUPLED_NOTES: Partial<Record<SetupField, { on: CoupledNote; off?: CoupledNote }>> = {
  autosearchForDuplicates: { on: 'marketingSetup.coupledAutosearchOn', off: 'marketingSetup.coupledAutosearchOff' },
  maintainDuplSearchStrings: { on: 'marketingSetup.coupledMaintainOn' },
};

type FieldErrors = Partial<Record<SetupField, string>>;

/** The form between saves: what the user changed, the errors shown at fields, the last save's outcome, the last coupled move. */
type FormState = { edits: Edits; fieldErrors: FieldErrors; outcome: SaveOutcome; coupled: { field: SetupField; on: boolean } | null };

type FormAction =
  | { type: 'edit'; saved: MarketingSetupBody; field: SetupField; value: DraftValue }
  | { type: 'discard' }
  | { type: 'saved'; rebuilt: boolean }
  | { type: 'notSaved'; fieldErrors: FieldErrors; outcome: SaveOutcome };

const EMPTY_FORM: FormState = { edits: {}, fieldErrors: {}, outcome: null, coupled: null };

function formReducer(state: FormState, action: FormAction): FormState {
  switch (action.type) {
    case 'edit': {
      const next = editField(action.saved, state.edits, action.field, action.value);
      const coupledValue = next.coupled === null ? null : shownValue(action.saved, next.edits, next.coupled);
      return {
        edits: next.edits,
        // A field the user (or a coupled flag) changed no longer carries the error it had.
        fieldErrors: withoutKeys(state.fieldErrors, next.coupled === null ? [action.field] : [action.field, next.coupled]),
        outcome: null,
        coupled: next.coupled === null ? null : { field: next.coupled, on: coupledValue === true },
      };
    }
    case 'discard':
      return EMPTY_FORM;
    case 'saved':
      return { ...EMPTY_FORM, outcome: { kind: 'saved', rebuilt: action.rebuilt } };
    case 'notSaved':
      // What the user typed stays.
      return { ...state, fieldErrors: action.fieldErrors, outcome: action.outcome };
  }
}

function SetupForm({ saved }: { saved: MarketingSetupBody }) {
  const styles = useStyles();
  const { t } = useI18n();
  const { api } = useConsole();
  const save = useSaveMarketingSetup(api);
  const [{ edits, fieldErrors, outcome, coupled }, dispatch] = useReducer(formReducer, EMPTY_FORM);
  const change = changeToSend(saved, edits);
  const hasChanges = Object.keys(change.patch).length > 0 || change.problems.length > 0;
  const coupledNotes = coupled === null ? undefined : COUPLED_NOTES[coupled.field];
  const coupledNote = coupled === null || coupledNotes === undefined ? null : coupled.on ? coupledNotes.on : (coupledNotes.off ?? null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (save.isPending) return;
    if (change.problems.length > 0) {
      dispatch({ type: 'notSaved', fieldErrors: Object.fromEntries(change.problems.map(({ field, problem }) => [field, localProblemText(problem, t)])), outcome: { kind: 'fixFields' } });
      return;
    }
    if (Object.keys(change.patch).length === 0) {
      dispatch({ type: 'discard' });
      return;
    }
    save.mutate(change.patch, {
      onSuccess: (result) => dispatch({ type: 'saved', rebuilt: result.duplicateSearchRebuild !== null }),
      onError: (error) => {
        // Each problem the service names goes to its field.
        const byField = error instanceof ApiError ? error.fields.filter((problem) => isSetupField(problem.path)) : [];
        dispatch({
          type: 'notSaved',
          fieldErrors: Object.fromEntries(byField.map((problem) => [problem.path, problem.message])),
          outcome: byField.length > 0 ? { kind: 'fixFields' } : { kind: 'failed', reason: errorText(error, t) },
        });
      },
    });
  };

  const rebuildAhead = saved.maintainDuplSearchStrings === false && shownValue(saved, edits, 'maintainDuplSearchStrings') === true;

  return (
    <form className={styles.form} onSubmit={submit} noValidate>
      <div className={styles.commandBar}>
        <div className={styles.commands}>
          <Button type="submit" appearance="primary" disabled={!hasChanges || save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
          <Button type="button" disabled={Object.keys(edits).length === 0 || save.isPending} onClick={() => dispatch({ type: 'discard' })}>
            {t('common.discard')}
          </Button>
          {hasChanges ? <Text className={styles.unsaved}>{t('marketingSetup.unsaved')}</Text> : null}
        </div>
        <SaveMessage outcome={outcome} />
      </div>
      {SETUP_GROUPS.map(({ group, fields }) => (
        <SetupGroupSection key={group} group={group}>
          {fields.map((field) => (
            <SetupFieldEditor
              key={field}
              field={field}
              value={shownValue(saved, edits, field)}
              error={fieldErrors[field]}
              disabled={field === 'attachmentStorageLocation' && shownValue(saved, edits, 'attachmentStorageType') !== 'diskFile'}
              saved={saved}
              dispatch={dispatch}
            />
          ))}
          {group === 'duplicates' ? (
            <>
              <div role="status">{coupledNote === null ? null : <Text>{t(coupledNote)}</Text>}</div>
              {rebuildAhead ? (
                <MessageBar intent="info">
                  <MessageBarBody>{t('marketingSetup.rebuildNote')}</MessageBarBody>
                </MessageBar>
              ) : null}
            </>
          ) : null}
        </SetupGroupSection>
      ))}
    </form>
  );
}

function SaveMessage({ outcome }: { outcome: SaveOutcome }) {
  const styles = useStyles();
  const { t } = useI18n();
  // Both regions are always there, so that screen readers announce what is put into them: a save
  // politely, a failure at once.
  return (
    <>
      <div role="status">
        {outcome?.kind === 'saved' ? (
          <MessageBar intent="success" className={styles.outcome}>
            <MessageBarBody>{t(outcome.rebuilt ? 'marketingSetup.savedRebuilt' : 'marketingSetup.saved')}</MessageBarBody>
          </MessageBar>
        ) : null}
      </div>
      <div role="alert">
        {outcome === null || outcome.kind === 'saved' ? null : (
          <MessageBar intent="error" className={styles.outcome}>
            <MessageBarBody>{outcome.kind === 'fixFields' ? t('marketingSetup.fixFields') : t('marketingSetup.notSaved', { reason: outcome.reason })}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </>
  );
}

function SetupGroupSection({ group, children }: { group: SetupGroup; children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  const headingId = useId();
  return (
    <section className={styles.group} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId} className={styles.groupHeading}>
        {t(`marketingSetup.group.${group}`)}
      </Subtitle2>
      <div className={styles.fields}>{children}</div>
    </section>
  );
}

type SetupFieldEditorProps = {
  field: SetupField;
  value: DraftValue;
  error: string | undefined;
  disabled: boolean;
  saved: MarketingSetupBody;
  dispatch: Dispatch<FormAction>;
};

/** One field with its label, help and error; redrawn only when its own props change, not on every keystroke elsewhere. */
const SetupFieldEditor = memo(function SetupFieldEditor({ field, value, error, disabled, saved, dispatch }: SetupFieldEditorProps) {
  const { t } = useI18n();
  const kind = FIELD_KINDS[field];
  const onChange = (next: DraftValue) => dispatch({ type: 'edit', saved, field, value: next });
  const common = {
    label: t(`marketingSetup.field.${field}`),
    hint: t(`marketingSetup.help.${field}`),
    ...(error === undefined ? {} : { validationState: 'error' as const, validationMessage: error }),
  };
  switch (kind.kind) {
    case 'flag':
      return (
        <Field {...common}>
          <Switch checked={value === true} disabled={disabled} onChange={(_event, data) => onChange(data.checked)} />
        </Field>
      );
    case 'choice':
      return (
        <Field {...common}>
          <Select value={String(value)} disabled={disabled} onChange={(_event, data) => onChange(data.value)}>
            {kind.options.map((option) => (
              <option key={option} value={option}>
                {t(`marketingSetup.choice.${field}.${option}` as ChoiceKey)}
              </option>
            ))}
          </Select>
        </Field>
      );
    case 'integer':
      return (
        <Field {...common}>
          <Input inputMode="numeric" value={String(value)} disabled={disabled} onChange={(_event, data) => onChange(data.value)} />
        </Field>
      );
    case 'code':
    case 'text':
      return (
        <Field {...common}>
          <Input value={String(value)} disabled={disabled} onChange={(_event, data) => onChange(data.value)} />
        </Field>
      );
  }
});

type ChoiceKey = Extract<MessageKey, `marketingSetup.choice.${string}`>;
