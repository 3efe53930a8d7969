import { timingSafeEqual } from 'node:crypto';
import type { Clock } from '@ballast/connector-kit';
import type { SimRequest, SimResponse } from '@ballast/connector-kit/testing';
import type { WooError } from '../api/protocol.ts';
import { checkOAuth1 } from './oauth1-check.ts';
import { errorFrom, errorResponse } from './woo-errors.ts';

/** What a REST API key may do, as chosen when it was created in WooCommerce. */
export type KeyPermissions = 'read' | 'write' | 'read_write';

export interface SimApiKey {
  readonly consumerKey: string;
  readonly consumerSecret: string;
  readonly permissions: KeyPermissions;
}

export interface AuthSettings {
  readonly keys: readonly SimApiKey[];
  /** The site is served over TLS (as WordPress sees it): only then is Basic auth even looked at. */
  readonly https: boolean;
  /** The site's address, for the OAuth base string. */
  readonly siteUrl: string;
  readonly clock: Clock;
  readonly usedNonces: Map<string, number>;
}

/** What the endpoint's permission check answers an anonymous caller. */
export interface Denial {
  readonly code: string;
  readonly message: string;
}

/**
 * WooCommerce's `WC_REST_Authentication`: over TLS, Basic auth (or `consumer_key`/`consumer_secret` in the
 * query); then, or over plain HTTP only, OAuth 1.0a. No credentials at all leaves the caller anonymous and
 * the endpoint's own permission check refuses it (401). Returns the refusal, or `undefined` to go on.
 */
export function authenticate(
  request: SimRequest,
  settings: AuthSettings,
  access: 'read' | 'write',
  denial: Denial,
): SimResponse | undefined {
  const keyFor = (consumerKey: string) => settings.keys.find((k) => k.consumerKey === consumerKey);
  let key: SimApiKey | undefined;
  let error: WooError | undefined;

  if (settings.https) {
    const basic = basicCredentials(request);
    const known = basic && keyFor(basic.key);
    if (basic && known) {
      if (sameString(known.consumerSecret, basic.secret)) key = known;
      else error = authFailure('Consumer secret is invalid.');
    }
  }
  if (!key) {
    const oauth = checkOAuth1({
      method: request.method,
      baseUri: `${settings.siteUrl}${request.path}`,
      params: oauthParams(request),
      consumerSecretFor: (consumerKey) => keyFor(consumerKey)?.consumerSecret,
      nowSeconds: Math.floor(settings.clock.now() / 1000),
      usedNonces: settings.usedNonces,
    });
    if (oauth && 'error' in oauth) error = oauth.error;
    else if (oauth) key = keyFor(oauth.consumerKey);
  }

  if (error) return errorFrom(error);
  if (!key) return errorResponse(401, denial.code, denial.message);
  if (access === 'write' && key.permissions === 'read') {
    return errorFrom(authFailure('The API key provided does not have write permissions.'));
  }
  if (access === 'read' && key.permissions === 'write') {
    return errorFrom(authFailure('The API key provided does not have read permissions.'));
  }
  return undefined;
}

function authFailure(message: string): WooError {
  return { code: 'woocommerce_rest_authentication_error', message, data: { status: 401 } };
}

function sameString(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** `consumer_key`/`consumer_secret` in the query first, else the Basic header (as PHP_AUTH_USER/PW). */
function basicCredentials(request: SimRequest): { key: string; secret: string } | undefined {
  const queryKey = request.query.get('consumer_key');
  const querySecret = request.query.get('consumer_secret');
  if (queryKey && querySecret) return { key: queryKey, secret: querySecret };
  const header = request.headers.get('authorization') ?? '';
  const match = /^Basic\s+(\S+)$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1) return undefined;
  return { key: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
}

/** `array_merge($_GET, $_POST)` plus the `Authorization: OAuth ...` header's parameters. */
function oauthParams(request: SimRequest): Map<string, string> {
  // URLSearchParams decodes like PHP ($_GET: `+` is a space); a repeated key keeps its last value.
  const params = new Map<string, string>(request.query);
  if ((request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    for (const [name, value] of new URLSearchParams(request.rawBody)) params.set(name, value);
  }
  const header = request.headers.get('authorization') ?? '';
  if (header.startsWith('OAuth ')) {
    for (const match of header.matchAll(/(oauth_[a-z_-]*)=(?:"([^"]*)"|([^,]*))/g)) {
      params.set(match[1]!, decodeURIComponent((match[2] ?? match[3] ?? '').replace(/\+/g, ' ')));
    }
  }
  return params;
}
