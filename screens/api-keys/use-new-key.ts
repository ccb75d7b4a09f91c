import { useState } from 'react';
import { generateApiKey } from '../../db/actions/api-keys.js';
import { useKeypress } from '../../src/app/keypress-bus.js';
import { isCommand } from '../../src/keymap/keymap.js';
import { useFormKeys } from '../../src/hooks/use-form-keys.js';
import { useAdminAction } from '../../src/hooks/use-admin-action.js';
import { expiryFromDays } from './new-key-input.js';

export interface NewKeyForm {
  readonly step: 'agent' | 'days';
  readonly agent: string;
  readonly days: string;
  readonly error: string | null;
}

/** The form as shown: its state and the edits of the field being typed (its ink-text-input). */
export interface NewKeyFormShown extends NewKeyForm {
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
 * `n`: asks the agent id and an optional expiry in days, issues the key (audited as
 * `api-key:generated`) and shows it once; the next key press hides it for good.
 */
export function useNewKey(): NewKey {
  const { db, operator, refusal, flash, run } = useAdminAction('issue API keys');
  const [form, setForm] = useState<NewKeyForm | null>(null);
  const [issued, setIssued] = useState<IssuedKey | null>(null);

  const issue = (f: NewKeyForm): void => {
    const expiry = expiryFromDays(f.days);
    if (!expiry.ok) return setForm({ ...f, error: expiry.error });
    setForm(null);
    run(() => {
      const { row, key } = generateApiKey(db, operator, f.agent, expiry.expiresAt);
      setIssued({ key, agentId: row.agentId, expiresAt: row.expiresAt });
      return `Key issued for ${row.agentId}; audited as api-key:generated.`;
    }, 'No key issued');
  };

  useFormKeys('dialog', form !== null, 'text', {
    onCancel: () => setForm(null),
    onEnter: () => {
      if (!form) return;
      if (form.step === 'days') issue(form);
      else if (form.agent.trim() === '') setForm({ ...form, error: 'an API key needs an agent id' });
      else setForm({ ...form, step: 'days', error: null });
    },
    onMove: (d) => {
      if (!form) return;
      if (d === -1) setForm({ ...form, step: 'agent', error: null });
      else if (form.agent.trim() !== '') setForm({ ...form, step: 'days', error: null });
    },
  });
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
    setForm({ step: 'agent', agent, days: '', error: null });
  };
  const onEdit = (value: string): void => setForm((f) => f && { ...f, [f.step]: value, error: null });
  return { request, form: form && { ...form, onEdit }, issued };
}
