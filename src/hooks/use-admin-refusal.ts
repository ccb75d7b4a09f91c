import { useServices } from '../app/services.js';

/**
 * Why this operator may not take an admin-only action (`what`: "change roles"), or null when they
 * may: the actions refuse the same way, this lets a screen say so before asking anything.
 */
export function useAdminRefusal(what: string): string | null {
  const { operator, refusal } = useServices();
  if (refusal) return refusal;
  return operator.role === 'admin' ? null : `only an admin may ${what} (operator ${operator.id} is a ${operator.role})`;
}

/** The one line an action shows when it failed: the error's sentence, never a stack. */
export const failureText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
