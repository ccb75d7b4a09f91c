import { useServices } from '../app/services.js';
import { useFlash } from '../app/flash.js';

/**
 * A key that cannot act says why in the flash line rather than doing nothing:
 * `sayWhy('log prompts')` shows "Cannot log prompts: the console is read-only (--read-only)."
 * Returns true (the key is handled) so nothing beneath acts on it either.
 */
export function useSayWhy(): (what: string) => true {
  const { refusal } = useServices();
  const { flash } = useFlash();
  return (what) => {
    flash(`Cannot ${what}: ${refusal ?? 'not allowed here'}.`, 'warning');
    return true;
  };
}
