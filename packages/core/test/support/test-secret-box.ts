import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SecretBox } from '../../src/index.ts';

/**
 * A real AES-256-GCM box under a random key, standing in for the server's (which core cannot import): what
 * it seals is unreadable without it, and another box's ciphertext does not open.
 */
export function testSecretBox(): SecretBox {
  const key = randomBytes(32);
  return {
    seal(plaintext) {
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return [nonce, body, cipher.getAuthTag()].map((part) => part.toString('base64url')).join('.');
    },
    open(ciphertext) {
      const [nonce, body, tag] = ciphertext.split('.').map((part) => Buffer.from(part, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', key, nonce!);
      decipher.setAuthTag(tag!);
      return Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8');
    },
  };
}
