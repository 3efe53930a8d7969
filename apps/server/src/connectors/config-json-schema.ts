import { type AnyConnectorDefinition, secretConfigFields } from '@ballast/connector-kit';
import { z } from 'zod';

/** Setting names that hold credentials even when the connector did not mark them with `secretSetting`. */
const SECRET_NAME = /secret|password|passphrase|token|api[-_]?key|private[-_]?key|credential/i;

export interface ConnectorConfigForm {
  /** JSON Schema (2020-12) of the config as the merchant types it; secret fields carry `writeOnly: true`. */
  readonly jsonSchema: Record<string, unknown>;
  /** Dotted paths of the secret fields. */
  readonly secretFields: readonly string[];
}

/** A connector's schema never changes while the server runs: built once per connector. Never mutate one. */
const forms = new WeakMap<AnyConnectorDefinition, ConnectorConfigForm>();

/**
 * The connector's config schema as JSON Schema for the admin's form. Secret fields (marked with connector-kit's
 * `secretSetting`, or named like a credential) carry `writeOnly` and `x-secret`, so the admin renders a
 * password input and never expects a value back; the same list decides what the API withholds and keeps.
 */
export function connectorConfigForm(connector: AnyConnectorDefinition): ConnectorConfigForm {
  const known = forms.get(connector);
  if (known) return known;
  // `io: 'input'`: defaults make fields optional for the merchant. Refinements cannot be expressed and are
  // checked on submit instead.
  const jsonSchema = z.toJSONSchema(connector.configSchema, {
    io: 'input',
    unrepresentable: 'any',
  }) as Record<string, unknown>;
  const marked = secretConfigFields(connector.configSchema);
  const found: string[] = [];
  markSecrets(jsonSchema, [], new Set(marked), found);
  const form = { jsonSchema, secretFields: [...new Set([...found, ...marked])] };
  forms.set(connector, form);
  return form;
}

function markSecrets(
  node: Record<string, unknown>,
  path: string[],
  marked: ReadonlySet<string>,
  found: string[],
): void {
  // A nullable object is a union: its settings are in the object variant.
  for (const variant of [node.anyOf, node.oneOf].flatMap((list) => (Array.isArray(list) ? list : []))) {
    if (isObject(variant)) markSecrets(variant, path, marked, found);
  }
  const properties = node.properties;
  if (!isObject(properties)) return;
  for (const [name, child] of Object.entries(properties)) {
    if (!isObject(child)) continue;
    const childPath = [...path, name];
    const secret =
      marked.has(childPath.join('.')) ||
      child.secret === true ||
      (child.type === 'string' && SECRET_NAME.test(name));
    if (secret) {
      child.writeOnly = true;
      child['x-secret'] = true;
      found.push(childPath.join('.'));
    }
    markSecrets(child, childPath, marked, found);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
