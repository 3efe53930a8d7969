import type { FuzzRequest } from './fuzz-request.ts';
import type { FuzzWorld } from './fuzz-world.ts';
import type { Operation } from './openapi-operations.ts';
import type { SchemaValidator } from './schema-validator.ts';

export interface FuzzAnswer {
  status: number;
  contentType: string | null;
  text: string;
}

/** How long an event stream is read before the fuzz hangs up (its first event comes at once). */
const STREAM_READ_MS = 2_000;

/** Sends the request to the app in-process and reads the answer (an event stream: its first chunk only). */
export async function sendFuzzRequest(world: FuzzWorld, req: FuzzRequest): Promise<FuzzAnswer> {
  const headers = new Headers(req.headers);
  let body: RequestInit['body'];
  const sent = req.body;
  if (sent?.kind === 'text') {
    if (sent.contentType === undefined) body = new TextEncoder().encode(sent.text);
    else {
      headers.set('content-type', sent.contentType);
      body = sent.text;
    }
  } else if (sent?.kind === 'bytes') {
    headers.set('content-type', sent.contentType);
    body = new Uint8Array(sent.bytes);
  } else if (sent?.kind === 'form') {
    const form = new FormData();
    for (const field of sent.fields) {
      if ('file' in field)
        form.append(field.name, new File([field.file], field.filename, { type: 'text/csv' }));
      else form.append(field.name, field.value);
    }
    body = form;
  }
  const res = await world.app.request(req.url, {
    method: req.method,
    headers,
    ...(body !== undefined && { body }),
  });
  const contentType = res.headers.get('content-type');
  if (contentType?.startsWith('text/event-stream') && res.body) {
    const reader = res.body.getReader();
    const first = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), STREAM_READ_MS)),
    ]);
    await reader.cancel();
    const chunk = first?.value;
    return { status: res.status, contentType, text: chunk ? new TextDecoder().decode(chunk) : '' };
  }
  return { status: res.status, contentType, text: await res.text() };
}

const essence = (contentType: string | null) =>
  contentType === null ? null : contentType.split(';')[0]!.trim().toLowerCase();
const PUBLIC_PATHS = new Set(['/auth/sign-in', '/auth/sign-out', '/auth/session']);

/**
 * What is wrong with an answer, empty when nothing: a 5xx; a 2xx to a request that breaks the contract, to a
 * missing or revoked credential, or to another store's token; a 4xx that is not a problem+json document; a 2xx
 * with an undocumented status, media type, or a body its schema refuses.
 */
export function answerFailures(
  world: FuzzWorld,
  validator: SchemaValidator,
  op: Operation,
  req: FuzzRequest,
  answer: FuzzAnswer,
): string[] {
  const { status } = answer;
  const failures: string[] = [];
  if (status >= 500) {
    failures.push(`answered ${status}: ${answer.text.slice(0, 500)}`);
    return failures;
  }
  const ok = status >= 200 && status < 300;
  if (req.mustRefuse && ok) failures.push(`accepted a request that breaks the contract (${req.variant})`);
  if (!PUBLIC_PATHS.has(op.path)) {
    if (['none', 'garbage', 'revoked-token'].includes(req.auth) && status !== 401)
      failures.push(`answered ${status}, not 401, to credential "${req.auth}"`);
    if (req.auth === 'other-store-token' && req.storeId === String(world.storeId) && ok)
      failures.push(`answered ${status} to another store's token`);
  }

  if (status >= 400) {
    if (essence(answer.contentType) !== 'application/problem+json') {
      failures.push(`a ${status} answered as ${answer.contentType}: ${answer.text.slice(0, 200)}`);
      return failures;
    }
    const body = parse(answer.text);
    if (!body.ok) failures.push(`a ${status} problem that is not JSON: ${answer.text.slice(0, 200)}`);
    else {
      const check = validator.checkComponent('Problem', body.value);
      if (!check.valid) failures.push(`a ${status} problem of the wrong shape: ${check.errors.join('; ')}`);
      if ((body.value as { status?: unknown }).status !== status)
        failures.push(`a ${status} problem whose status says ${(body.value as { status?: unknown }).status}`);
    }
    return failures;
  }

  if (ok) {
    const documented = op.responses[String(status)];
    if (!documented) {
      failures.push(`answered ${status}, which the document does not list`);
      return failures;
    }
    const types = Object.keys(documented);
    if (types.length === 0) {
      if (answer.text !== '') failures.push(`a ${status} with a body the document does not describe`);
      return failures;
    }
    const type = essence(answer.contentType);
    const schema = type === null ? undefined : documented[type];
    if (!schema) {
      failures.push(`a ${status} answered as ${answer.contentType}; documented: ${types.join(', ')}`);
      return failures;
    }
    if (type === 'application/json') {
      const body = parse(answer.text);
      if (!body.ok) failures.push(`a ${status} whose JSON body does not parse: ${answer.text.slice(0, 200)}`);
      else {
        const check = validator.check(schema, body.value);
        if (!check.valid)
          failures.push(`a ${status} body its schema refuses: ${check.errors.slice(0, 5).join('; ')}`);
      }
    }
  }
  return failures;
}

function parse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}
