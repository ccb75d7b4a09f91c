import { useState } from 'react';
import { useKeypress } from '../app/keypress-bus.js';
import { isCommand } from '../keymap/keymap.js';

export interface TypedQuestion {
  readonly title: string;
  readonly message: string;
  /** what the operator must type, exactly */
  readonly word: string;
  readonly onConfirm: () => void;
}

export interface TypedConfirm {
  /** the open question, what has been typed, and whether Enter was refused; or null */
  readonly dialog: {
    readonly title: string;
    readonly message: string;
    readonly word: string;
    readonly typed: string;
    readonly mismatch: boolean;
    /** the field's edits (ink-text-input in TypedConfirmDialog) */
    readonly onTyped: (typed: string) => void;
  } | null;
  readonly ask: (q: TypedQuestion) => void;
}

/** A bulk action's confirmation on the dialog layer: Enter works only once the word is typed; Esc leaves. */
export function useTypedConfirm(): TypedConfirm {
  const [question, setQuestion] = useState<TypedQuestion | null>(null);
  const [typed, setTyped] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const onTyped = (next: string): void => {
    setTyped(next);
    setMismatch(false);
  };
  useKeypress(
    'dialog',
    (k) => {
      if (!question) return true;
      if (isCommand('typed.confirm', k.name)) {
        if (typed.trim() !== question.word) setMismatch(true);
        else {
          setQuestion(null);
          question.onConfirm();
        }
      } else if (isCommand('typed.cancel', k.name)) setQuestion(null);
      return true; // typed keys are the field's: none reaches the list beneath
    },
    { active: question !== null, scopes: ['typed'] },
  );
  return {
    dialog: question && { title: question.title, message: question.message, word: question.word, typed, mismatch, onTyped },
    ask: (q) => {
      setTyped('');
      setMismatch(false);
      setQuestion(q);
    },
  };
}
