import { useState } from 'react';
import { useKeypress } from '../app/keypress-bus.js';
import { isCommand } from '../keymap/keymap.js';

export interface Question {
  readonly title: string;
  readonly message: string;
  readonly onYes: () => void;
}

export interface Confirm {
  /** the open question and its selected answer (No first), or null */
  readonly dialog: { readonly title: string; readonly message: string; readonly choice: 'no' | 'yes' } | null;
  readonly ask: (q: Question) => void;
}

/** A yes/no question on the dialog layer: y confirms, n and Esc leave it, No is selected first. */
export function useConfirm(): Confirm {
  const [question, setQuestion] = useState<Question | null>(null);
  const [choice, setChoice] = useState<'no' | 'yes'>('no');
  const close = (): void => setQuestion(null);
  const yes = (): void => {
    const q = question;
    close();
    q?.onYes();
  };
  useKeypress(
    'dialog',
    (k) => {
      if (isCommand('dialog.yes', k.name)) yes();
      else if (isCommand('dialog.no', k.name)) close();
      else if (isCommand('dialog.toggle', k.name)) setChoice((c) => (c === 'no' ? 'yes' : 'no'));
      else if (isCommand('dialog.choose', k.name)) (choice === 'yes' ? yes : close)();
      return true;
    },
    { active: question !== null, scopes: ['dialog'] },
  );
  return {
    dialog: question && { title: question.title, message: question.message, choice },
    ask: (q) => {
      setChoice('no');
      setQuestion(q);
    },
  };
}
