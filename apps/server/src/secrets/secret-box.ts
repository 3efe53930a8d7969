import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';
import type { SecretBox } from '../deps.ts';

const VERSION = 'v1';

/**
 * Encrypts channel and feed credentials at rest with AES-256-GCM under a key derived from the server secret
 * (`BALLAST_SECRET`). Each value gets its own random nonce; the auth tag makes tampering detectable.
 */
export function createSecretBox(secret: string): SecretBox {
  if (secret.length < 16) throw new Error('the server secret must be at least 16 characters');
  // The salt predates feed credentials; changing it would make every stored secret unreadable.
  const key = scryptSync(secret, 'ballast/channel-credentials', 32);
  return {
    seal(plaintext) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [
        VERSION,
        nonce.toString('base64url'),
        body.toString('base64url'),
        cipher.getAuthTag().toString('base64url'),
      ].join('.');
    },
    open(ciphertext) {
      const [version, nonce, body, tag] = ciphertext.split('.');
      if (version !== VERSION || !nonce || !body || !tag) throw new Error('not a sealed Ballast secret');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(nonce, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}
