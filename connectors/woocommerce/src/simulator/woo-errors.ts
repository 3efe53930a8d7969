import { json, type SimResponse } from '@ballast/connector-kit/testing';
import type { WooError } from '../api/protocol.ts';

/** A WP REST error answer: the status in the header and in `data.status`. */
export function errorResponse(status: number, code: string, message: string): SimResponse {
  const body: WooError = { code, message, data: { status } };
  return json(status, body);
}

/** The answer for an error object built elsewhere (its `data.status`, 400 without one). */
export function errorFrom(error: WooError): SimResponse {
  return json(error.data?.status ?? 400, error);
}
