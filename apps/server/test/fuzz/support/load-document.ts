import { connectorRegistry } from '../../../src/connectors/installed-connectors.ts';
import { createTestServer } from '../../support/test-server.ts';
import type { OpenApiDocument } from './openapi-operations.ts';

/** The OpenAPI document as the app serves it at /api/v1/openapi.json (every installed connector). */
export async function loadOpenApiDocument(): Promise<OpenApiDocument> {
  const server = await createTestServer('sqlite', { connectors: connectorRegistry() });
  try {
    const res = await server.app.request('/api/v1/openapi.json');
    if (res.status !== 200) throw new Error(`GET /api/v1/openapi.json answered ${res.status}`);
    return (await res.json()) as OpenApiDocument;
  } finally {
    await server.close();
  }
}
