import { createCipheriv } from 'node:crypto';
import type { Rng } from './prng.js';

/**
 * The throwaway NETSUITE_ENCRYPTION_KEY of demo databases (64 hex characters). It protects
 * nothing real: set it to decrypt the demo credentials.
 */
export const DEMO_NETSUITE_ENCRYPTION_KEY = 'de70de70de70de70de70de70de70de70de70de70de70de70de70de70de70de70';

/** AES-256-GCM as the service writes it: `ivHex:authTagHex:cipherHex`, 16-byte IV, no AAD. */
export function encryptCredential(plain: string, rng: Rng, keyHex = DEMO_NETSUITE_ENCRYPTION_KEY): string {
  const iv = Buffer.from(rng.hex(32), 'hex'); // from the PRNG so the same seed gives the same file
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${iv.toString('hex')}:${cipher.getAuthTag().toString('hex')}:${data.toString('hex')}`;
}
