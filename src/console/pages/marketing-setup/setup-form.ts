import type { MarketingSetupBody } from '../../../contract/marketing-setup';
import { FIELD_KINDS, type SetupField } from './setup-fields';

/** A field's value as its editor holds it: switches as booleans, everything else as the text typed. */
export type DraftValue = string | boolean;

/** What the user changed and has not saved, by field; the rest shows the saved setup. */
export type Edits = Partial<Record<SetupField, DraftValue>>;

/** Why the console will not send a field as typed (the service's own checks come back as problems). */
export type LocalProblem = { kind: 'notInteger' } | { kind: 'range'; min: number; max: number } | { kind: 'tooLong'; max: number };

const editorValue = (value: MarketingSetupBody[SetupField]): DraftValue => (typeof value === 'number' ? String(value) : value);

/** The value a field shows: the user's edit, else the saved value. */
export function shownValue(saved: MarketingSetupBody, edits: Edits, field: SetupField): DraftValue {
  return edits[field] ?? editorValue(saved[field]);
}

/**
 * The edits after the user set `field` to `value`, with Business Central's field triggers of the
 * coupled duplicate flags (table 5079) applied as they act there, so the form shows at once what
 * saving will keep:
 * - Maintain Dupl. Search Strings copies its new value into Autosearch for Duplicates;
 * - Autosearch for Duplicates switched on switches Maintain on (autosearch needs the search strings).
 * `coupled` names the other flag when the rule changed it.
 */
export function editField(saved: MarketingSetupBody, edits: Edits, field: SetupField, value: DraftValue): { edits: Edits; coupled: SetupField | null } {
  const next: Edits = { ...edits, [field]: value };
  let coupled: SetupField | null = null;
  const follow = (other: SetupField, otherValue: boolean) => {
    if (shownValue(saved, next, other) !== otherValue) coupled = other;
    next[other] = otherValue;
  };
  if (field === 'maintainDuplSearchStrings' && typeof value === 'boolean') follow('autosearchForDuplicates', value);
  if (field === 'autosearchForDuplicates' && value === true) follow('maintainDuplSearchStrings', true);
  return { edits: withoutUnchanged(saved, next), coupled };
}

/** Edits that put a field back to its saved value are no edits. */
function withoutUnchanged(saved: MarketingSetupBody, edits: Edits): Edits {
  const kept: Edits = {};
  for (const [field, value] of Object.entries(edits) as [SetupField, DraftValue][]) {
    if (value !== editorValue(saved[field])) kept[field] = value;
  }
  return kept;
}

type Parsed = { ok: true; value: MarketingSetupBody[SetupField] } | { ok: false; problem: LocalProblem };

/** A typed value in its wire form, as the contract will read it (codes trimmed and upper-cased, texts trimmed). */
function parse(field: SetupField, value: DraftValue): Parsed {
  const kind = FIELD_KINDS[field];
  switch (kind.kind) {
    case 'flag':
      return { ok: true, value: value === true };
    case 'choice':
      return { ok: true, value: String(value) as MarketingSetupBody[SetupField] };
    case 'integer': {
      const textValue = String(value).trim();
      if (!/^-?\d+$/.test(textValue)) return { ok: false, problem: { kind: 'notInteger' } };
      const number = Number(textValue);
      return number < kind.min || number > kind.max ? { ok: false, problem: { kind: 'range', min: kind.min, max: kind.max } } : { ok: true, value: number };
    }
    case 'code':
    case 'text': {
      const trimmed = String(value).trim();
      if (trimmed.length > kind.maxLength) return { ok: false, problem: { kind: 'tooLong', max: kind.maxLength } };
      return { ok: true, value: kind.kind === 'code' ? trimmed.toUpperCase() : trimmed };
    }
  }
}

/**
 * What saving sends: only the fields whose typed value differs from the saved one, in their wire
 * form (`PATCH /setup/marketing` takes any subset); and the fields the console cannot send as
 * typed, which hold the save back. A code typed in lower case that the service would store as the
 * saved one is no change.
 */
export function changeToSend(saved: MarketingSetupBody, edits: Edits): { patch: Partial<MarketingSetupBody>; problems: { field: SetupField; problem: LocalProblem }[] } {
  const patch: Partial<Record<SetupField, unknown>> = {};
  const problems: { field: SetupField; problem: LocalProblem }[] = [];
  for (const [field, value] of Object.entries(edits) as [SetupField, DraftValue][]) {
    const parsed = parse(field, value);
    if (!parsed.ok) problems.push({ field, problem: parsed.problem });
    else if (parsed.value !== saved[field]) patch[field] = parsed.value;
  }
  return { patch: patch as Partial<MarketingSetupBody>, problems };
}

/** Whether `path` of a problem names a field of the form. */
export const isSetupField = (path: string): path is SetupField => Object.hasOwn(FIELD_KINDS, path);
