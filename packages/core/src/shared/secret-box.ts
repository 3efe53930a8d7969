/**
 * Encrypts and decrypts short secrets (credentials). Core holds no key: the server hands it its box (AES-GCM
 * under the server secret), and core seals what it stores and opens it only where it is used.
 */
export interface SecretBox {
  seal(plaintext: string): string;
  /** Throws when the ciphertext was sealed under another key or was tampered with. */
  open(ciphertext: string): string;
}
