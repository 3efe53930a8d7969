/** A Standard Webhooks secret for tests (32 random bytes, base64). */
export const TEST_SECRET = 'whsec_dGhpcy1pcy1hLXRlc3Qtc2VjcmV0LWZvci1iYWxsYXN0IQ==';
/** A different valid secret, for signatures that must not verify. */
export const OTHER_SECRET = 'whsec_YW5vdGhlci1zZWNyZXQtdGhhdC1pcy1sb25nLWVub3VnaA==';
