import { writeFile } from 'node:fs/promises';
import { API_TYPES_FILE, renderApiTypes } from './api-types.ts';
import { loadOpenApiDocument } from './openapi-document.ts';

await writeFile(API_TYPES_FILE, await renderApiTypes(await loadOpenApiDocument()));
console.log(`wrote ${API_TYPES_FILE}`);
