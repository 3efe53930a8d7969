import { bodyLimit } from 'hono/body-limit';
import { problem, sendProblem } from '../../http/problem.ts';

/** Largest CSV file (uploads) or snapshot body (feeds) the API takes; larger files are better split. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** Refuses a request body over MAX_UPLOAD_BYTES with 413 problem+json, before anything reads it. */
export const uploadBodyLimit = bodyLimit({
  maxSize: MAX_UPLOAD_BYTES,
  onError: (c) =>
    sendProblem(
      c,
      problem(
        413,
        'payload_too_large',
        `the body is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB; split the file`,
      ),
    ),
});

export const payloadTooLargeResponse = {
  description: `The body is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB`,
} as const;
