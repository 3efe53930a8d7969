import type { ConnectorConfigForm } from './config-json-schema.ts';

type JsonObject = Record<string, unknown>;

/**
 * The stored settings the API may show: those the connector's schema declares, minus its secret ones. What
 * it cannot vouch for is withheld too: settings the schema no longer declares (an older version may have held
 * a credential there), and objects or arrays of objects whose settings it does not describe one by one.
 *
 * @example
 * visibleSettings({ endpointUrl: 'https://x', signingSecret: 'whsec_...' }, form); // { endpointUrl: 'https://x' }
 */
export function visibleSettings(config: unknown, form: ConnectorConfigForm): JsonObject {
  if (!isObject(config)) return {};
  return visibleAt(config, form.jsonSchema, new Set(form.secretFields), '');
}

function visibleAt(config: JsonObject, schema: JsonObject, secrets: ReadonlySet<string>, prefix: string) {
  const properties = propertiesOf(schema);
  const shown: JsonObject = {};
  for (const [key, value] of Object.entries(config)) {
    const path = `${prefix}${key}`;
    const declared = properties?.[key];
    if (!isObject(declared) || secrets.has(path) || value === undefined) continue;
    if (isObject(value)) {
      if (propertiesOf(declared)) shown[key] = visibleAt(value, declared, secrets, `${path}.`);
    } else if (!Array.isArray(value) || value.every((item) => !isObject(item) && !Array.isArray(item))) {
      shown[key] = value;
    }
  }
  return shown;
}

/** An object schema's properties, also when it is one variant of a union (a nullable object). */
function propertiesOf(schema: JsonObject): JsonObject | undefined {
  if (isObject(schema.properties)) return schema.properties;
  const variants = [schema.anyOf, schema.oneOf].flatMap((list) => (Array.isArray(list) ? list : []));
  for (const variant of variants) {
    if (isObject(variant) && isObject(variant.properties)) return variant.properties;
  }
  return undefined;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
