import { uploadModeSchema } from '@ballast/core';
import { z } from '@hono/zod-openapi';

export const uploadMode = uploadModeSchema.clone().openapi('UploadMode', {
  description: 'How rows without a `mode` column value apply: `set` the count, or change it by a `delta`',
});

export const uploadQuerySchema = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .default('false')
    .openapi({ description: '`true`: check every row and preview, write nothing' }),
  mode: uploadMode.optional().openapi({
    description:
      'Default mode for a `text/csv` body (multipart bodies send it as the `mode` field); default `set`',
  }),
  filename: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .optional()
    .openapi({ description: 'Name kept on the upload record for a `text/csv` body (default `upload.csv`)' }),
});

export const uploadFormSchema = z
  .object({
    file: z.instanceof(File, { message: 'attach the CSV file as the `file` field' }).openapi({
      type: 'string',
      format: 'binary',
      description: 'The CSV: header `sku,quantity[,mode][,location]`',
    }),
    mode: uploadMode.optional(),
  })
  .openapi('UploadForm');

/** A raw `text/csv` body. The framework validates only JSON and form bodies; core checks every row. */
export const csvBodySchema = z.string().openapi('CsvFile', {
  format: 'binary',
  description: 'The CSV itself: header `sku,quantity[,mode][,location]`, one row per SKU and location',
  example: 'sku,quantity,mode,location\nMUG-BLUE,12,set,\nCUP-RED,-1,delta,Annex\n',
});

const rowErrorSchema = z
  .object({
    row: z.number().int().openapi({ description: 'Line number in the file (the header is line 1)' }),
    column: z.string().nullable().openapi({ description: 'The column, or null for the whole line' }),
    message: z.string(),
  })
  .openapi('UploadRowError');

const previewRowSchema = z
  .object({
    row: z.number().int(),
    sku: z.string(),
    location: z.string(),
    mode: uploadMode,
    quantity: z.number().int(),
    onHandBefore: z.number().int(),
    onHandAfter: z.number().int(),
  })
  .openapi('UploadPreviewRow');

export const uploadValidationSchema = z
  .object({
    ok: z.boolean().openapi({ description: 'True when the file can be applied as it is' }),
    rowCount: z.number().int(),
    errors: z.array(rowErrorSchema).openapi({ description: 'In line order, at most 1,000 (see errorCount)' }),
    errorCount: z.number().int(),
    preview: z.array(previewRowSchema).openapi({ description: 'The first rows and what applying would do' }),
  })
  .openapi('UploadDryRun');

export const appliedUploadSchema = z
  .object({
    uploadId: z.number().int(),
    filename: z.string(),
    rowCount: z.number().int(),
    changed: z.number().int().openapi({ description: 'Rows that changed on hand' }),
    unchanged: z.number().int(),
    createdAt: z.number().int().openapi({ description: 'Epoch milliseconds' }),
  })
  .openapi('AppliedUpload');
