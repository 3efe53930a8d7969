import type { AnyConnectorDefinition } from '@ballast/connector-kit';
import { z } from 'zod';

/** Setting names that hold credentials even when the connector did not mark them with `.meta({ secret: true })`. */
const SECRET_NAME = /secret|password|passphrase|token|api[-_]?key|private[-_]?key|credential/i;

export interface ConnectorConfigForm {
  /** JSON Schema (2020-12) of the config as the merchant types it; secret fields carry `writeOnly: true`. */
  jsonSchema: Record<string, unknown>;
  /** Dotted paths of the secret fields. */
  secretFields: string[];
}

/**
 * The connector's config schema as JSON Schema for the admin's form. Secret fields are marked `writeOnly`
 * (and `x-secret`) so the admin renders a password input and never expects a value back.
 */
export function connectorConfigForm(connector: AnyConnectorDefinition): ConnectorConfigForm {
  // `io: 'input'`: defaults make fields optional for the merchant. Refinements cannot be expressed and are
  // checked on submit instead.
  const jsonSchema = z.toJSONSchema(connector.configSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const secretFields: string[] = [];
  markSecrets(jsonSchema, [], secretFields);
  return { jsonSchema, secretFields };
}

function markSecrets(node: Record<string, unknown>, path: string[], found: string[]): void {
  const properties = node.properties;
  if (!isObject(properties)) return;
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    const childPath = [...path, name];
    if (child.secret === true || (child.type === 'string' && SECRET_NAME.test(name))) {
      child.writeOnly = true;
      child['x-secret'] = true;
      found.push(childPath.join('.'));
    }
    markSecrets(child, childPath, found);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
