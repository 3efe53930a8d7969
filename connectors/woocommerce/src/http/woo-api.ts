import { type ConnectorContext, type JsonResponse, requestJson, withEndpoint } from '@ballast/connector-kit';
import type { z } from 'zod';
import { queryString } from '../api/query-string.ts';
import { basicAuthorization } from '../auth/basic-auth.ts';
import { createOAuth1Signer } from '../auth/oauth1-signer.ts';
import { authModeOf, type WooConfig } from '../config.ts';
import { CallSpacer } from './call-spacer.ts';
import { describeWooError } from './describe-woo-error.ts';

const USER_AGENT = 'ballast-connector-woocommerce/0.1';

/** Authenticated, timed-out, classified calls to one site's REST API. */
export interface WooApi {
  get<T>(
    path: string,
    params: readonly (readonly [string, string])[],
    schema: z.ZodType<T>,
  ): Promise<JsonResponse<T>>;
  post<T>(path: string, body: unknown, schema: z.ZodType<T>): Promise<JsonResponse<T>>;
  /** A spacer for the calls of one client method, `allowance` of which the engine already paced. */
  spacer(allowance: number): CallSpacer;
  readonly ctx: ConnectorContext;
}

export function createWooApi(config: WooConfig, ctx: ConnectorContext): WooApi {
  // The host may impose a shorter deadline than the merchant configured (shutdown, tests).
  const timeoutMs = Math.min(config.timeoutMs, ctx.timeoutMs);
  const mode = authModeOf(config);
  if (mode === 'basic' && new URL(config.siteUrl).protocol === 'http:') {
    ctx.logger.warn('woocommerce: Basic auth over plain HTTP sends the consumer secret in clear', {
      siteUrl: config.siteUrl,
    });
  }
  const sign =
    mode === 'oauth1' ? createOAuth1Signer(config.consumerKey, config.consumerSecret, ctx.clock) : undefined;
  const authorization =
    mode === 'basic' ? basicAuthorization(config.consumerKey, config.consumerSecret) : undefined;
  // Never follow a redirect: a 301 turns a POST into a GET; describeWooError says what to fix instead.
  const fetchNoRedirect: typeof fetch = (input, init) => ctx.fetch(input, { ...init, redirect: 'manual' });
  const http = { ...ctx, fetch: fetchNoRedirect };
  const home = config.siteUrl.replace(/\/+$/, '');

  const call = <T>(
    method: 'GET' | 'POST',
    path: string,
    params: readonly (readonly [string, string])[],
    body: string | undefined,
    schema: z.ZodType<T>,
  ): Promise<JsonResponse<T>> => {
    const query = queryString(params);
    // The endpoint override first: OAuth signs the URL the request really goes to.
    const target = withEndpoint(`${home}${path}${query ? `?${query}` : ''}`, ctx.endpoint);
    return requestJson(http, {
      method,
      url: sign ? sign(method, target) : target,
      headers: {
        'user-agent': USER_AGENT,
        ...(authorization === undefined ? {} : { authorization }),
      },
      ...(body === undefined ? {} : { body }),
      schema,
      timeoutMs,
      describeError: describeWooError,
    });
  };

  return {
    ctx,
    get: (path, params, schema) => call('GET', path, params, undefined, schema),
    post: (path, body, schema) => call('POST', path, [], JSON.stringify(body), schema),
    spacer: (allowance) =>
      new CallSpacer(ctx.clock, config.requestsPerSecond, Math.min(allowance, config.burst), ctx.signal),
  };
}
