import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { API_TYPES_FILE, renderApiTypes } from '../scripts/api-types.ts';
import { loadOpenApiDocument } from '../scripts/openapi-document.ts';

describe('the generated API types', () => {
  it('match the server’s OpenAPI document (else run `pnpm --filter @ballast/admin api:generate`)', async () => {
    const current = await renderApiTypes(await loadOpenApiDocument());
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    // Compared as a boolean first: a diff of two 6,000-line files buries the one instruction that matters.
    const upToDate = committed === current;
    expect(upToDate, 'src/api/schema.gen.ts is stale: run `pnpm --filter @ballast/admin api:generate`').toBe(
      true,
    );
  }, 60_000);
});
