import { useState } from 'react';
import { generateApiKey } from '../../db/actions/api-keys.js';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { isCommand } from '../../src/keymap/keymap.js';
import { useFormKeys } from '../../src/hooks/use-form-keys.js';
import { useAdminAction } from '../../src/hooks/use-admin-action.js';
import { useForm } from '../../components/form/use-form.js';
import type { FormRules } from '../../components/form/form-model.js';
import type { FieldSpec, FormFieldView } from '../../components/form/types.js';
import { expiryFromDays } from './new-key-input.js';

type KeyField = 'agent' | 'days';

const FIELDS: readonly FieldSpec<KeyField>[] = [
  { key: 'agent', label: 'Agent id:', kind: 'text', check: (v) => (v.trim() === '' ? 'an API key needs an agent id' : null) },
  { key: 'days', label: 'Expires in days (empty: never):', kind: 'text' },
];
const RULES: FormRules<KeyField> = { fields: () => FIELDS };

/** The form as shown (NewKeyFormView): its fields, the focused one, and that field's edits. */
export interface NewKeyFormShown {
  readonly fields: readonly FormFieldView[];
  readonly focus: number;
  readonly onEdit: (value: string) => void;
}

/** A key just issued: its plaintext lives here until the next key press, and nowhere else. */
export interface IssuedKey {
  readonly key: string;
  readonly agentId: string;
  readonly expiresAt: Date | null;
}

export interface NewKey {
  readonly request: (agent: string) => void;
  readonly form: NewKeyFormShown | null;
  readonly issued: IssuedKey | null;
}

/**
 * `n`: asks the agent id and an optional expiry in days (the console's one form), issues the key
 * (audited as `api-key:generated`) and shows it once; the next key press hides it for good.
 */
export function useNewKey(): NewKey {
  const { db, operator, refusal, flash, run } = useAdminAction('issue API keys');
  const [open, setOpen] = useState(false);
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const form = useForm(RULES, () => ({ values: { agent: '', days: '' }, focus: 'agent' }));

  const issue = (): void => {
    const { agent, days } = form.values;
    const expiry = expiryFromDays(days);
    if (!expiry.ok) return form.refuse([{ field: 'days', text: expiry.error }]);
    setOpen(false);
    run(() => {
      const { row, key } = generateApiKey(db, operator, agent, expiry.expiresAt);
      setIssued({ key, agentId: row.agentId, expiresAt: row.expiresAt });
      return `Key issued for ${row.agentId}; audited as api-key:generated.`;
    }, 'No key issued');
  };
  useFormKeys('dialog', open, form, { onCancel: () => setOpen(false), onSubmit: issue });
  // Any key hides the plaintext; that key does nothing else.
  useKeypress(
    'dialog',
    (k) => {
      if (isCommand('secret.hide', k.name)) setIssued(null); // any key
      return true;
    },
    { active: issued !== null, scopes: ['secret'] },
  );

  const request = (agent: string): void => {
    if (refusal) return flash(`Cannot issue keys: ${refusal}.`, 'warning');
    form.reset({ agent, days: '' }, 'agent');
    setOpen(true);
  };
  return { request, form: open ? { fields: form.views(), focus: form.focusIndex, onEdit: form.edit } : null, issued };
}
