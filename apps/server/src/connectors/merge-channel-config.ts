/**
 * Applies a config edit to the stored config, JSON Merge Patch style (RFC 7396) with one addition for secrets:
 * - a setting left out keeps its stored value;
 * - `null` removes it (the connector's default applies, or its validation says it is required);
 * - a secret setting sent as `""` keeps its stored value, so a form can leave secrets blank;
 * - nested objects merge setting by setting; any other value (arrays included) replaces the stored one.
 * The result still has to pass the connector's validation.
 *
 * @example
 * mergeChannelConfig({ url: 'a', key: 's' }, { url: 'b', key: '' }, new Set(['key'])); // { url: 'b', key: 's' }
 */
export function mergeChannelConfig(
  stored: unknown,
  edit: Readonly<Record<string, unknown>>,
  secretFields: ReadonlySet<string>,
): Record<string, unknown> {
  return mergeAt(isPlainObject(stored) ? stored : {}, edit, secretFields, '');
}

function mergeAt(
  stored: Readonly<Record<string, unknown>>,
  edit: Readonly<Record<string, unknown>>,
  secretFields: ReadonlySet<string>,
  prefix: string,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...stored };
  for (const [key, value] of Object.entries(edit)) {
    // Never a setting, and assigning it would swap the merged object's prototype.
    if (value === undefined || key === '__proto__') continue;
    const path = `${prefix}${key}`;
    if (value === null) {
      delete merged[key];
    } else if (value === '' && secretFields.has(path)) {
      // Blank secret: keep what is stored (nothing, when nothing is: validation then says it is required).
    } else if (isPlainObject(value)) {
      const current = merged[key];
      merged[key] = mergeAt(isPlainObject(current) ? current : {}, value, secretFields, `${path}.`);
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
