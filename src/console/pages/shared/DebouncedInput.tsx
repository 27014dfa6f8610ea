import { Field, Input } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';

/** How long typing may pause before what was typed applies. */
export const TYPING_PAUSE_MS = 400;

export type DebouncedInputProps = {
  label: string;
  hint?: string;
  /** The value in force (the address's filter). */
  value: string;
  /** Applies what was typed: after a pause in typing, or at once on Enter. */
  onCommit: (value: string) => void;
  type?: 'search' | 'text';
};

/**
 * A text filter that applies what is typed once typing pauses, so that a list is not fetched for
 * every keystroke; Enter applies it at once. A value changed from outside (Clear) replaces the draft.
 */
export function DebouncedInput({ label, hint, value, onCommit, type = 'text' }: DebouncedInputProps) {
  const [draft, setDraft] = useState(value);
  const commit = useRef(onCommit);
  commit.current = onCommit;
  useEffect(() => setDraft(value), [value]);
  useEffect(() => {
    if (draft.trim() === value.trim()) return undefined;
    const timer = setTimeout(() => commit.current(draft), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft, value]);
  return (
    <Field label={label} hint={hint}>
      <Input
        type={type}
        value={draft}
        onChange={(_event, data) => setDraft(data.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit.current(draft);
        }}
      />
    </Field>
  );
}
