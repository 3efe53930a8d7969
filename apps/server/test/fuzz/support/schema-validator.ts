import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { JsonSchema, OpenApiDocument } from './openapi-operations.ts';

// ajv-formats is CommonJS with a default export; under NodeNext the callable is on `.default`.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const DOC_ID = 'https://ballast.test/openapi.json';

export interface SchemaCheck {
  valid: boolean;
  /** ajv's errors as `instancePath: message`, for failure messages. */
  errors: string[];
}

/**
 * Checks values against the document's own schemas with ajv (JSON Schema 2020-12, which OpenAPI 3.1 uses),
 * resolving `#/components/schemas/...` references inside the document.
 */
export class SchemaValidator {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    // Lengths count code points (ajv's default), as zod 4 does.
    this.ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(this.ajv);
    // OpenAPI's annotations and media formats: not constraints.
    this.ajv.addKeyword('example');
    this.ajv.addFormat('binary', true);
    // The components become `$defs` of one schema, the standard place for shared definitions.
    this.ajv.addSchema({ $id: DOC_ID, $defs: rebase(doc.components.schemas, '#/$defs/') }, DOC_ID);
  }

  /** Checks `value` against `schema`, whose `$ref`s point into the document's components. */
  check(schema: JsonSchema, value: unknown): SchemaCheck {
    const key = JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({
        $id: `${DOC_ID}/check/${this.compiled.size}`,
        ...rebase(schema, `${DOC_ID}#/$defs/`),
      });
      this.compiled.set(key, validate);
    }
    const valid = validate(value);
    return { valid, errors: (validate.errors ?? []).map(errorText) };
  }

  /** Checks against a component schema by name (`Problem`). */
  checkComponent(name: string, value: unknown): SchemaCheck {
    return this.check({ $ref: `#/components/schemas/${name}` }, value);
  }
}

/** `#/components/schemas/X` references pointed at `<prefix>X`. */
function rebase<T>(schema: T, prefix: string): T {
  return JSON.parse(
    JSON.stringify(schema).replaceAll('"$ref":"#/components/schemas/', `"$ref":"${prefix}`),
  ) as T;
}

const errorText = (error: ErrorObject) =>
  `${error.instancePath || '(root)'} ${error.message ?? error.keyword} ${JSON.stringify(error.params)}`;
