import { nanoid } from 'nanoid';
import { NotFoundError } from '../errors.js';

/** `prefix_` + nanoid(21), the service's id format (COMPAT.md). */
export const newId = (prefix: string): string => `${prefix}_${nanoid()}`;

/** Returns the row, or throws NotFoundError: update and delete must say when nothing matched. */
export function found<T>(row: T | undefined, resource: string, id: string | number): T {
  if (row === undefined) throw new NotFoundError(resource, id);
  return row;
}

/** Defaults the service's two schema sources disagree on: written explicitly (COMPAT.md). */
export const DEFAULT_MODEL = 'claude-sonnet-4-5-20250929';
export const DEFAULT_MAX_BUDGET = 5.0;
export const DEFAULT_ROLE = 'developer';
