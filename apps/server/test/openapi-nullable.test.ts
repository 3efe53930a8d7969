import type { RouteConfig } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createApp } from '../src/app.ts';
import type { AppDeps } from '../src/deps.ts';
import { createOpenApiApp } from '../src/http/openapi-app.ts';
import { registerAuthRoutes } from '../src/routes/auth/register-auth-routes.ts';
import { registerRoutes } from '../src/routes/register-routes.ts';

// zod-to-openapi mishandles `.nullable()` on a schema registered with `.openapi('Name')`: the field becomes a
// bare `$ref`, and when that is the first use the component itself is written as nullable, so every other use
// of it reads as nullable too. A generated client then gets nullability wrong either way. This walks every
// route's zod schemas beside the served document and lists each field whose nullability differs. Write such
// fields with `orNull(schema)` (routes/shared/or-null.ts), which the document renders as `anyOf [$ref, null]`.

type Json = Record<string, unknown>;
type ZodAny = z.ZodType;

/** The document the server serves; building it touches no database. */
async function servedDocument(): Promise<Json> {
  const app = createApp({ connectors: new Map(), notifySync: () => {} } as unknown as AppDeps);
  return (await (await app.request('/api/v1/openapi.json')).json()) as Json;
}

/** Every route as registered, with its zod schemas. */
function routeConfigs(): RouteConfig[] {
  const api = createOpenApiApp();
  registerAuthRoutes(api);
  const guarded = createOpenApiApp();
  registerRoutes(guarded);
  api.route('/', guarded);
  return api.openAPIRegistry.definitions.flatMap((d) => (d.type === 'route' ? [d.route] : []));
}

function resolve(doc: Json, schema: Json | undefined): Json | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return resolve(doc, ((doc.components as Json).schemas as Json)[name] as Json);
}

/** Whether the document lets the value be null. */
function allowsNull(doc: Json, schema: Json | undefined): boolean {
  const s = resolve(doc, schema);
  if (!s) return false;
  const type = s.type;
  if (type === 'null' || (Array.isArray(type) && type.includes('null'))) return true;
  for (const key of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(s[key]) && (s[key] as Json[]).some((part) => allowsNull(doc, part))) return true;
  }
  if (Array.isArray(s.allOf)) return (s.allOf as Json[]).every((part) => allowsNull(doc, part));
  // No type, reference or combination at all: any value, null included.
  return (
    type === undefined &&
    s.enum === undefined &&
    s.const === undefined &&
    Object.keys(s).every((k) => k === 'description' || k === 'example' || k === 'default')
  );
}

/** The object or array schema a (possibly combined) document schema describes, to walk into. */
function structured(doc: Json, schema: Json | undefined): Json | undefined {
  const s = resolve(doc, schema);
  if (!s) return undefined;
  if (s.properties || s.items) return s;
  for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
    for (const part of (s[key] as Json[] | undefined) ?? []) {
      const found = structured(doc, part);
      if (found) return found;
    }
  }
  return undefined;
}

function defOf(schema: ZodAny): Json & { type: string } {
  return (schema as unknown as { _zod: { def: Json & { type: string } } })._zod.def;
}

/** Peels wrappers that do not change the shape; `side` picks a pipe's input (requests) or output (responses). */
function unwrap(schema: ZodAny, side: 'in' | 'out'): ZodAny {
  const def = defOf(schema);
  if (
    ['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type)
  ) {
    return unwrap(def.innerType as ZodAny, side);
  }
  if (def.type === 'pipe') return unwrap(def[side] as ZodAny, side);
  return schema;
}

function walk(
  doc: Json,
  zod: ZodAny,
  docSchema: Json | undefined,
  where: string,
  side: 'in' | 'out',
  found: string[],
) {
  if (docSchema === undefined) return;
  const nullable = zod.safeParse(null).success;
  if (nullable !== allowsNull(doc, docSchema))
    found.push(`${where} (${nullable ? 'null missing' : 'null not allowed'})`);
  const inner = unwrap(zod, side);
  const def = defOf(inner);
  const target = structured(doc, docSchema);
  if (def.type === 'object' && target?.properties) {
    for (const [key, field] of Object.entries(def.shape as Record<string, ZodAny>)) {
      walk(doc, field, (target.properties as Json)[key] as Json | undefined, `${where}.${key}`, side, found);
    }
  }
  if (def.type === 'array' && target?.items) {
    walk(doc, def.element as ZodAny, target.items as Json, `${where}[]`, side, found);
  }
}

function fieldsLosingNull(doc: Json, routes: RouteConfig[]): string[] {
  const found: string[] = [];
  const paths = doc.paths as Record<string, Record<string, Json>>;
  for (const route of routes) {
    const path = route.path.replaceAll(/:(\w+)/g, '{$1}');
    const operation = paths[path]?.[route.method];
    const name = `${route.method.toUpperCase()} ${path}`;
    expect(operation, name).toBeDefined();
    const bodyContent = (route.request?.body?.content ?? {}) as Record<string, { schema?: ZodAny }>;
    const docBody = ((operation!.requestBody as Json | undefined)?.content ?? {}) as Record<string, Json>;
    for (const [type, { schema }] of Object.entries(bodyContent)) {
      if (schema) walk(doc, schema, docBody[type]?.schema as Json, `${name} body`, 'in', found);
    }
    for (const [status, response] of Object.entries(route.responses)) {
      const content = ((response as { content?: unknown }).content ?? {}) as Record<
        string,
        { schema?: ZodAny }
      >;
      const docContent = (((operation!.responses as Json)[status] as Json | undefined)?.content ??
        {}) as Record<string, Json>;
      for (const [type, { schema }] of Object.entries(content)) {
        if (schema) walk(doc, schema, docContent[type]?.schema as Json, `${name} ${status}`, 'out', found);
      }
    }
  }
  return found;
}

/** Components that allow null: nullability belongs to the field that uses a component, never to the component. */
function nullableComponents(doc: Json): string[] {
  const schemas = ((doc.components as Json | undefined)?.schemas ?? {}) as Record<string, Json>;
  return Object.entries(schemas).flatMap(([name, schema]) => (allowsNull(doc, schema) ? [name] : []));
}

describe('OpenAPI document nullability', () => {
  it('says null wherever a route’s schema accepts null', async () => {
    const doc = await servedDocument();
    expect(doc.openapi).toBe('3.1.0');
    const routes = routeConfigs();
    expect(routes.length).toBeGreaterThan(40);
    expect(nullableComponents(doc)).toEqual([]);
    expect(fieldsLosingNull(doc, routes)).toEqual([]);
  });

  it('catches a nullable field written the way that loses null', async () => {
    const registered = z.object({ code: z.string() });
    const { OpenAPIHono, createRoute, z: zo } = await import('@hono/zod-openapi');
    const named = zo.object({ code: zo.string() }).openapi('Named');
    const route = createRoute({
      method: 'get',
      path: '/probe',
      responses: {
        200: {
          description: 'probe',
          content: {
            'application/json': {
              schema: zo.object({ wrong: named.nullable(), right: zo.string().nullable() }),
            },
          },
        },
      },
    });
    const app = new OpenAPIHono();
    app.openapi(route, (c) => c.json({ wrong: null, right: null }));
    const doc = app.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'probe', version: '1' },
    }) as unknown as Json;
    expect(registered.safeParse({ code: 'x' }).success).toBe(true);
    expect(nullableComponents(doc)).toEqual(['Named']);
  });
});
