/**
 * PostgreSQL refuses NUL in text. Schemas of text that is stored or queried refine with this, so a NUL is a
 * field error (422) on both dialects instead of a driver error (500) on PostgreSQL only.
 */
export const hasNoNul = (text: string): boolean => !text.includes('\u0000');

export const NO_NUL_MESSAGE = 'cannot contain NUL characters';
