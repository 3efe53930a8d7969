import { applyUpload, validateUpload } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../../app-env.ts';
import { HttpProblem, problem } from '../../http/problem.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf, storeParamsSchema } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { payloadTooLargeResponse, uploadBodyLimit } from './upload-body-limit.ts';
import {
  appliedUploadSchema,
  csvBodySchema,
  uploadFormSchema,
  uploadQuerySchema,
  uploadValidationSchema,
} from './upload-schema.ts';

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/uploads',
  tags: ['Uploads'],
  summary: 'Upload a stock CSV: dry run with per-row errors, or apply all-or-nothing',
  description:
    'Send the file as `multipart/form-data` (field `file`, optional `mode`) or as a `text/csv` body. ' +
    'With `dryRun=true` every row is checked and previewed and nothing is written. Otherwise the file is ' +
    'applied in one transaction, or refused with 422 whose `errors` carry the `row` and `column` of every ' +
    'bad row, and nothing is written.',
  middleware: [uploadBodyLimit],
  request: {
    params: storeParamsSchema,
    query: uploadQuerySchema,
    // Not `required`: the multipart validator would then also run on (and refuse) text/csv bodies.
    body: {
      description: 'The CSV file (required)',
      content: { 'multipart/form-data': { schema: uploadFormSchema }, 'text/csv': { schema: csvBodySchema } },
    },
  },
  responses: {
    200: { description: 'Dry run: errors and preview', content: jsonContent(uploadValidationSchema) },
    201: { description: 'Applied', content: jsonContent(appliedUploadSchema) },
    413: payloadTooLargeResponse,
    ...errorResponses,
  },
});

export function registerCreateUpload(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const storeId = storeIdOf(c, c.req.valid('param').storeId);
    const query = c.req.valid('query');
    const deps = c.get('deps');
    // Only a multipart body is parsed as a form; for a text/csv body the framework leaves `form` empty.
    const form = c.req.valid('form');
    const csv = await csvOf(c, typeof form === 'object' ? form : {}, query);
    if (query.dryRun === 'true') {
      const checked = await fieldErrorsIn('body', () =>
        validateUpload(deps.db, storeId, csv.bytes, { defaultMode: csv.mode }),
      );
      return c.json(checked, 200);
    }
    const applied = await fieldErrorsIn('body', () =>
      applyUpload(deps.db, storeId, csv.bytes, {
        filename: csv.filename,
        defaultMode: csv.mode,
        ...operationOptions(c),
      }),
    );
    if (applied.changed > 0) deps.notifySync();
    return c.json(applied, 201);
  });
}

type UploadForm = Partial<{ file: File; mode: 'set' | 'delta' }>;
type UploadQuery = { mode?: 'set' | 'delta' | undefined; filename?: string | undefined };

/** The file's bytes, name and default mode, from a multipart form or a text/csv body. */
async function csvOf(
  c: Context<AppEnv>,
  form: UploadForm,
  query: UploadQuery,
): Promise<{ bytes: Uint8Array; filename: string; mode: 'set' | 'delta' }> {
  if (form.file) {
    return {
      bytes: new Uint8Array(await form.file.arrayBuffer()),
      // Browsers send whatever the file was called; the upload record keeps at most 255 characters.
      filename: form.file.name.trim().slice(0, 255) || 'upload.csv',
      mode: form.mode ?? query.mode ?? 'set',
    };
  }
  if (/^text\/csv\b/i.test(c.req.header('content-type') ?? '')) {
    return {
      bytes: new Uint8Array(await c.req.arrayBuffer()),
      filename: query.filename ?? 'upload.csv',
      mode: query.mode ?? 'set',
    };
  }
  throw new HttpProblem(
    problem(422, 'validation', 'no CSV file in the request', [
      {
        field: 'body.file',
        reason: 'send the CSV as multipart/form-data field `file` or as a text/csv body',
      },
    ]),
  );
}
