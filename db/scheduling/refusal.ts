import { ValidationError } from '../errors.js';
import { ScheduleKindError } from './kind.js';

/** Which input of a schedule a refusal is about, so a form can put the sentence beside it. */
export type ScheduleField = 'project' | 'owner' | 'type' | 'bot' | 'command' | 'prompt' | 'time' | 'timezone' | 'limit' | 'expiry';

/** Why saving a schedule would be refused: one sentence, about one field (null: about none in particular). */
export interface Refusal {
  readonly field: ScheduleField | null;
  readonly sentence: string;
}

/** A save refused by the schedule rules: the message is the first refusal, `refusals` holds all of them. */
export class ScheduleRefusedError extends ValidationError {
  constructor(readonly refusals: readonly Refusal[]) {
    super(refusals[0]?.sentence ?? 'the schedule was refused');
  }
}

/** Throws the refusals as one ValidationError; nothing when there are none. */
export function throwIfRefused(refusals: readonly Refusal[]): void {
  if (refusals.length > 0) throw new ScheduleRefusedError(refusals);
}

/** The refusals of one validation, in the order the checks run; at most one per field. */
export class Refusals {
  readonly list: Refusal[] = [];

  add(field: ScheduleField | null, sentence: string | null): void {
    if (sentence !== null && !(field !== null && this.has(field))) this.list.push({ field, sentence });
  }

  has(field: ScheduleField): boolean {
    return this.list.some((r) => r.field === field);
  }

  /**
   * Runs one rule that throws; its ValidationError becomes a refusal about `field` (a kind error
   * about the type, bot or command it names) and the result is undefined. Other errors (a failing
   * read of the file) are not refusals: they propagate.
   */
  run<T>(field: ScheduleField | null, rule: () => T): T | undefined {
    try {
      return rule();
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      this.add(e instanceof ScheduleKindError ? e.field : field, e.message);
      return undefined;
    }
  }
}
