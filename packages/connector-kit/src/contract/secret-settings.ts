import { z } from 'zod';

declare module 'zod' {
  interface GlobalMeta {
    /**
     * The setting is a credential: hosts store it encrypted, render it as a password input, and never
     * return it (an edit that leaves it out keeps the stored value).
     */
    secret?: boolean;
  }
}

/**
 * Marks a config setting as a credential (API key, token, signing secret). Same as
 * `.meta({ secret: true })`, which connectors may keep writing; description and other metadata are kept.
 *
 * @example
 * ```ts
 * const configSchema = z.object({ shop: z.string(), apiKey: secretSetting(z.string().min(1)) });
 * ```
 */
export function secretSetting<T extends z.ZodType>(schema: T): T {
  return schema.meta({ ...schema.meta(), secret: true }) as T;
}

/** Wrappers whose metadata or inner schema may carry the mark. */
interface WrapperDef {
  readonly type: string;
  readonly innerType?: z.ZodType;
  readonly in?: z.ZodType;
  readonly shape?: Record<string, z.ZodType>;
}

/**
 * The dotted paths (`apiKey`, `auth.password`) of the settings marked secret in a connector's config schema,
 * through `.optional()`, `.default()`, `.nullable()` and pipes, in nested objects too.
 *
 * @example
 * ```ts
 * secretConfigFields(z.object({ url: z.url(), token: secretSetting(z.string()).optional() })); // ['token']
 * ```
 */
export function secretConfigFields(schema: z.ZodType): string[] {
  const found: string[] = [];
  collect(schema, [], found);
  return found;
}

function collect(schema: z.ZodType, path: readonly string[], found: string[]): void {
  if (path.length > 0 && isMarkedSecret(schema)) {
    found.push(path.join('.'));
    return;
  }
  const def = schema._zod.def as WrapperDef;
  if (def.type === 'object' && def.shape) {
    for (const [key, child] of Object.entries(def.shape)) collect(child, [...path, key], found);
    return;
  }
  const inner = def.innerType ?? (def.type === 'pipe' ? def.in : undefined);
  if (inner) collect(inner, path, found);
}

function isMarkedSecret(schema: z.ZodType): boolean {
  return z.globalRegistry.get(schema)?.secret === true;
}
