import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';

/** Where the generated types live (committed, so typecheck and build never need a server). */
export const API_TYPES_FILE = fileURLToPath(new URL('../src/api/schema.gen.ts', import.meta.url));

const HEADER =
  '// Generated from the server’s OpenAPI document by `pnpm --filter @ballast/admin api:generate`.\n' +
  '// Do not edit: change the route’s zod schema in apps/server, then regenerate.\n\n';

/** The TypeScript `paths` / `components` types of an OpenAPI document, as openapi-typescript writes them. */
export async function renderApiTypes(document: Record<string, unknown>): Promise<string> {
  // defaultNonNullable off: a request field with a default (`autoSync`, `components`) is optional to send.
  const ast = await openapiTS(document as unknown as OpenAPI3, {
    alphabetize: true,
    defaultNonNullable: false,
  });
  return HEADER + astToString(ast);
}
