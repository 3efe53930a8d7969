// Generated from the server’s OpenAPI document by `pnpm --filter @ballast/admin api:generate`.
// Do not edit: change the route’s zod schema in apps/server, then regenerate.

export interface paths {
    "/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed-in user and their stores
         * @description Also slides the session forward (at most once a day) and sends the refreshed cookie: the admin calls it when it loads.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Not signed in, or the session ended */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-in": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign in a merchant user
         * @description Checks the email and password and sets the session cookie (httpOnly, SameSite=Lax, Secure over https). Browsers must send an `Origin` the server trusts once a cookie is present. Attempts are rate limited per client address. Idempotency-Key is not used here: a retry opens another session.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SignIn"];
                };
            };
            responses: {
                /** @description Signed in; `Set-Cookie` carries the session */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Session"];
                    };
                };
                /** @description Wrong email or password */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The request’s origin is not trusted */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Too many attempts from this address */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/auth/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out
         * @description Ends the session in the database and clears its cookie. Without a session it does nothing.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Signed out */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description The request’s origin is not trusted */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channel connectors installed on this server, with the config each one needs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Installed connectors */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConnectorList"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The stores this credential can act for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Stores */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: components["schemas"]["Store"][];
                        };
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a store; the signed-in user becomes its owner (API tokens get 403) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewStore"];
                };
            };
            responses: {
                /** @description The new store */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Store"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Called with an API token */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One store */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The store */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Store"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a store’s name or negative-stock setting */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["StoreSettings"];
                };
            };
            responses: {
                /** @description The store */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Store"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/stores/{storeId}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Adjustments, newest first, by product or SKU and time (keyset cursor)
         * @description Each adjustment comes whole, with every line: filtering by product keeps the adjustments that have a line on it. `productId` and `sku` together must name the same product.
         */
        get: {
            parameters: {
                query?: {
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    /** @description Inclusive: ISO 8601 or epoch ms */
                    from?: string;
                    limit?: number;
                    /** @description Only adjustments with a line on this product */
                    productId?: number;
                    /** @description Only adjustments with a line on the product of this SKU */
                    sku?: string;
                    /** @description Exclusive: ISO 8601 or epoch ms */
                    to?: string;
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of adjustments */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AdjustmentPage"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Adjust on hand by hand, with a reason
         * @description Kits have no stock of their own and cannot be adjusted. A delta taking on hand below zero answers 409 `insufficient_stock` unless the store allows negative stock; nothing is written then.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AdjustmentCreate"];
                };
            };
            responses: {
                /** @description The adjustment with each line’s before and after */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Adjustment"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/adjustments/{adjustmentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One adjustment with its lines and who made it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    adjustmentId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The adjustment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Adjustment"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store’s channels, oldest first, with their sync state */
        get: {
            parameters: {
                query?: {
                    /** @description The previous page’s `nextCursor` */
                    cursor?: string;
                    limit?: number;
                    status?: components["schemas"]["ChannelStatus"];
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Channels */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelList"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Connect a channel
         * @description The config is checked by the connector (422 names each invalid setting as `body.config.<path>`) and stored encrypted. Products with Auto Sync on are pushed to the new channel at once.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChannelConnect"];
                };
            };
            responses: {
                /** @description The connected channel */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/channels/{channelId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One channel with its sync state (credentials are never returned) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channelId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The channel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Rename, pause or resume a channel, change its locations, or edit its config
         * @description Resuming, changing locations or sending `config` pushes every auto-synced product again (and makes pushes waiting on a failure due now). `config` is merged into the stored settings: send only what changes; secrets left out or blank are kept. Resuming a disconnected channel needs a complete `config`.
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channelId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ChannelUpdate"];
                };
            };
            responses: {
                /** @description The channel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/stores/{storeId}/channels/{channelId}/disconnect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disconnect a channel
         * @description Stops pushes and order webhooks and deletes the stored credentials. The channel, its listings and its Sync History are kept; resume it with `PATCH` and a new `config`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channelId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The channel */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Channel"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/channels/{channelId}/listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The channel’s items linked to products, with what was pushed and what the channel reported */
        get: {
            parameters: {
                query?: {
                    /** @description The previous page’s `nextCursor` */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    channelId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Listings, by id */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelListingList"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/channels/{channelId}/listings/{listingId}/auto-sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Override Auto Sync for one product on one channel, or make it follow the product again
         * @description Turning the listing’s effective Auto Sync on pushes the product to this channel at once, overwriting what the channel shows; turning it off drops the pair’s pending push. Other channels are not affected. The listing must be on this channel of this store.
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channelId: number;
                    listingId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ListingAutoSyncSetting"];
                };
            };
            responses: {
                /** @description The listing as it now is */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ChannelListing"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/channels/{channelId}/match-listings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Link the store’s products to the channel’s items by SKU
         * @description Asks the channel for every SKU of the store (in paced batches) and links what it has. Newly linked products with Auto Sync on are pushed at once. Safe to run again: links are updated, never doubled.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    channelId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What was matched */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ListingMatchResult"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The channel could not be reached or refused the lookup */
                502: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/channels/{channelId}/webhook-deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Order webhooks the channel sent, newest first (filter `status=failed` for orders that need a person) */
        get: {
            parameters: {
                query?: {
                    /** @description The previous page’s `nextCursor` */
                    cursor?: string;
                    limit?: number;
                    /** @description `created`: a sales order was made. `duplicate`: a redelivery of an order already recorded. `failed`: the order could not be recorded (e.g. an unknown SKU) and needs a person. `ignored`: not an order. `invalid`: signed but unreadable. */
                    status?: components["schemas"]["WebhookDeliveryStatus"];
                };
                header?: never;
                path: {
                    channelId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deliveries */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDeliveryList"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/feeds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store’s inventory feeds, oldest first (keyset cursor) */
        get: {
            parameters: {
                query?: {
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of feeds, oldest first */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedList"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Register a feed (a URL and a schedule, or a target for pushed snapshots)
         * @description Credentials (`auth`) are stored encrypted and never returned; the feed says only which are set.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FeedCreate"];
                };
            };
            responses: {
                /** @description The feed */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feed"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/feeds/{feedId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One feed with its recent runs */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feedId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The feed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedDetail"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /**
         * Delete a feed and its run history
         * @description Stock movements the feed caused stay in the ledger.
         */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feedId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a feed’s name, url, schedule, staleness or credentials */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feedId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["FeedUpdate"];
                };
            };
            responses: {
                /** @description The feed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Feed"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/stores/{storeId}/feeds/{feedId}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pull the feed’s URL now and apply the snapshot
         * @description A fetch that fails, or a body that cannot be read or applied, is recorded as a `failed` run with the reason and changes no stock: it is answered 200 with that run. A feed without a url answers 422. The feed’s credentials are sent to the url’s own origin only, never after a redirect to another.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feedId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedRunResult"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/feeds/{feedId}/snapshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Push a snapshot of absolute on hand to the feed
         * @description JSON `{ "items": [{ "sku", "location"?, "onHand" }] }` or a `text/csv` body (`sku,quantity[,location]`). Unknown SKUs are reported in the run, never created. Invalid items (or CSV rows, with `row` and `column`) answer 422 and nothing is written.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    feedId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            /** @description The snapshot (required) */
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["FeedSnapshot"];
                    "text/csv": components["schemas"]["FeedCsv"];
                };
            };
            responses: {
                /** @description The applied run */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["FeedRunResult"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 20 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store’s locations (warehouses), oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Locations */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LocationList"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Add a location (names are unique per store) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["LocationInput"];
                };
            };
            responses: {
                /** @description The new location */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Location"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search, filter and page through products (keyset cursor) */
        get: {
            parameters: {
                query?: {
                    /** @description The product’s own Auto Sync flag */
                    autoSync?: "true" | "false";
                    /** @description Has a listing on this channel */
                    channelId?: number;
                    /** @description `nextCursor` of the previous page, with the same sort and direction */
                    cursor?: string;
                    /** @description Default `asc` */
                    direction?: "asc" | "desc";
                    /** @description Also count every match */
                    includeTotal?: "true" | "false";
                    /** @description `simple`: own stock; `kit`: virtual bundle whose balance comes from its components; `assembly`: own stock built by work orders */
                    kind?: components["schemas"]["ProductKind"];
                    /** @description Default 50 */
                    limit?: number;
                    /** @description Case-insensitive “contains” on SKU or name */
                    q?: string;
                    /** @description Default `name` */
                    sort?: "sku" | "name" | "createdAt" | "id";
                    /** @description `pending`: a push is owed; `failed`: the latest push on some channel failed; `ok`: neither. With `channelId`, only that channel counts. */
                    syncStatus?: "failed" | "pending" | "ok";
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of products */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductList"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a product (kits and assemblies name their components by SKU) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProductInput"];
                };
            };
            responses: {
                /** @description The new product */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product with its components */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The product */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a product that never moved stock and is no kit’s component (else 409) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Deleted */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a product’s SKU, name or components */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProductUpdate"];
                };
            };
            responses: {
                /** @description The product */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Product"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/stores/{storeId}/products/{productId}/auto-sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Turn a product’s Auto Sync on (pushes to every active channel at once) or off */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AutoSyncSetting"];
                };
            };
            responses: {
                /** @description What changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AutoSyncChange"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/products/{productId}/balance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** On hand, committed, incoming and available (total and per location), and the syncable balance on each channel with its explanation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    productId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The product’s balance */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductBalance"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/products/auto-sync": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Turn Auto Sync on or off for many products: by ids, or every product matching a filter */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BulkAutoSync"];
                };
            };
            responses: {
                /** @description What changed */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AutoSyncChange"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/products/auto-sync/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** What turning Auto Sync on would overwrite on each channel (reads only, changes nothing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AutoSyncPreviewRequest"];
                };
            };
            responses: {
                /** @description The quantities each channel would be sent */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AutoSyncPreview"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/products/count": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** How many products match a filter (for “select all N matching”) */
        get: {
            parameters: {
                query?: {
                    /** @description The product’s own Auto Sync flag */
                    autoSync?: "true" | "false";
                    /** @description Has a listing on this channel */
                    channelId?: number;
                    /** @description `simple`: own stock; `kit`: virtual bundle whose balance comes from its components; `assembly`: own stock built by work orders */
                    kind?: components["schemas"]["ProductKind"];
                    /** @description Case-insensitive “contains” on SKU or name */
                    q?: string;
                    /** @description `pending`: a push is owed; `failed`: the latest push on some channel failed; `ok`: neither. With `channelId`, only that channel counts. */
                    syncStatus?: "failed" | "pending" | "ok";
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The number of matching products */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ProductCount"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Purchase orders, newest first, optionally of one status (keyset cursor) */
        get: {
            parameters: {
                query?: {
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    limit?: number;
                    status?: components["schemas"]["PurchaseOrderStatus"];
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of orders */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrderPage"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a purchase order (its quantities become incoming) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PurchaseOrderCreate"];
                };
            };
            responses: {
                /** @description The order, open */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/purchase-orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One purchase order with its lines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/purchase-orders/{orderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order (what is outstanding stops counting as incoming)
         * @description What was already received stays on hand. A received or cancelled order answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The cancelled order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/purchase-orders/{orderId}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Receive goods against an order (adds on hand)
         * @description A received or cancelled order answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PurchaseOrderReceipt"];
                };
            };
            responses: {
                /** @description The order after the receipt */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["PurchaseOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/sales-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales orders, newest first, optionally of one status (keyset cursor) */
        get: {
            parameters: {
                query?: {
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    limit?: number;
                    status?: components["schemas"]["SalesOrderStatus"];
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of orders */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SalesOrderPage"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create a sales order (commits its stock) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SalesOrderCreate"];
                };
            };
            responses: {
                /** @description The order, open */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SalesOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/sales-orders/{orderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One sales order with its lines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SalesOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/sales-orders/{orderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an order (releases what is still committed)
         * @description What already shipped stays shipped. A shipped or cancelled order answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The cancelled order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SalesOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/sales-orders/{orderId}/ship": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ship all or part of an order (stock leaves on hand)
         * @description Shipping more than a line has outstanding is a 422 at that line’s `quantity`; a shipped or cancelled order answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    orderId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: {
                content: {
                    "application/json": components["schemas"]["SalesOrderShipment"];
                };
            };
            responses: {
                /** @description The order after the shipment */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SalesOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/sync-activity": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Push attempts per time bucket and status, for the dashboard chart */
        get: {
            parameters: {
                query: {
                    /** @description Bucket width in milliseconds (at most 2000 buckets) */
                    bucket: number;
                    /** @description Start of the first bucket: ISO 8601 or epoch ms */
                    from: string;
                    /** @description Exclusive end: ISO 8601 or epoch ms */
                    to: string;
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every bucket of the range */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SyncActivity"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/sync-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Push attempts, newest first, filtered by product, channel, status, cause and time (keyset cursor) */
        get: {
            parameters: {
                query?: {
                    /** @description The cause’s ref, exact (an order’s id, a feed run’s id…). Needs exactly one `causeType`: a ref names something within its type (sales order 1001 is not purchase order 1001) */
                    causeRef?: string;
                    /** @description What set the push in motion: one or more cause types, repeated or comma-separated */
                    causeType?: ("sales_order" | "purchase_order" | "work_order" | "adjustment" | "upload" | "feed" | "channel_order" | "auto_sync" | "resync")[];
                    channelId?: number;
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    /** @description Inclusive: ISO 8601 or epoch ms */
                    from?: string;
                    /** @description Default 50 */
                    limit?: number;
                    productId?: number;
                    /** @description One or more statuses, repeated or comma-separated */
                    status?: ("pending" | "succeeded" | "failed" | "retrying" | "skipped")[];
                    /** @description Exclusive: ISO 8601 or epoch ms */
                    to?: string;
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SyncHistoryPage"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/sync-history/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One push attempt with the explanation of the quantity sent */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    entryId: number;
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The entry */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["SyncHistoryEntry"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/sync-history/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * New Sync History entries as they are written (Server-Sent Events)
         * @description Sends `ready` once (data: `{"lastId"}`), then one `entry` event per new entry (data: a SyncHistoryEntry; id: the entry id), with the same filters as the list. Polls about once a second.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The cause’s ref, exact (an order’s id, a feed run’s id…). Needs exactly one `causeType`: a ref names something within its type (sales order 1001 is not purchase order 1001) */
                    causeRef?: string;
                    /** @description What set the push in motion: one or more cause types, repeated or comma-separated */
                    causeType?: ("sales_order" | "purchase_order" | "work_order" | "adjustment" | "upload" | "feed" | "channel_order" | "auto_sync" | "resync")[];
                    channelId?: number;
                    productId?: number;
                    /** @description One or more statuses, repeated or comma-separated */
                    status?: ("pending" | "succeeded" | "failed" | "retrying" | "skipped")[];
                };
                header?: {
                    /** @description Resume after this entry (browsers send it when they reconnect) */
                    "last-event-id"?: string;
                };
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description An event stream */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The store’s API tokens, newest first, revoked ones included (never their secrets) */
        get: {
            parameters: {
                query?: {
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    /** @description Default 50 */
                    limit?: number;
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ApiTokenPage"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Create an API token for the store (signed-in users only)
         * @description An API token cannot create or revoke tokens, so a leaked one cannot outlive its revocation. Idempotency-Key is refused here: replaying the answer would mean keeping the secret, which is only ever stored hashed. If a response is lost, revoke the token it created (it is in the list).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["NewApiToken"];
                };
            };
            responses: {
                /** @description The token and its secret */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CreatedApiToken"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/tokens/{tokenId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API token (signed-in users only); it gets 401 from then on */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                    tokenId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Revoked */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description No live token with this id in the store */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a stock CSV: dry run with per-row errors, or apply all-or-nothing
         * @description Send the file as `multipart/form-data` (field `file`, optional `mode`) or as a `text/csv` body. With `dryRun=true` every row is checked and previewed and nothing is written. Otherwise the file is applied in one transaction, or refused with 422 whose `errors` carry the `row` and `column` of every bad row, and nothing is written.
         */
        post: {
            parameters: {
                query?: {
                    /** @description `true`: check every row and preview, write nothing */
                    dryRun?: "true" | "false";
                    /** @description Name kept on the upload record for a `text/csv` body (default `upload.csv`) */
                    filename?: string;
                    /** @description Default mode for a `text/csv` body (multipart bodies send it as the `mode` field); default `set` */
                    mode?: components["schemas"]["UploadMode"] & unknown;
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            /** @description The CSV file (required) */
            requestBody?: {
                content: {
                    "multipart/form-data": components["schemas"]["UploadForm"];
                    "text/csv": components["schemas"]["CsvFile"];
                };
            };
            responses: {
                /** @description Dry run: errors and preview */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["UploadDryRun"];
                    };
                };
                /** @description Applied */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppliedUpload"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The body is larger than 20 MB */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/work-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Work orders, newest first, optionally of one status (keyset cursor) */
        get: {
            parameters: {
                query?: {
                    /** @description `nextCursor` of the previous page */
                    cursor?: string;
                    limit?: number;
                    status?: components["schemas"]["WorkOrderStatus"];
                };
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description One page of work orders */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrderPage"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        /** Create and start a work order (commits its components) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["WorkOrderCreate"];
                };
            };
            responses: {
                /** @description The work order, in progress */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/work-orders/{workOrderId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One work order with its bill of materials */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                    workOrderId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The work order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/work-orders/{workOrderId}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an in-progress work order (releases its components)
         * @description A completed or cancelled work order answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                    workOrderId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The cancelled work order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stores/{storeId}/work-orders/{workOrderId}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete a work order (consumes components, adds the finished assembly)
         * @description A component short on hand answers 409 `insufficient_stock` unless the store allows negative stock; a completed or cancelled work order answers 409.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    storeId: number;
                    workOrderId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The completed work order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WorkOrder"];
                    };
                };
                /** @description No valid credential */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description The credential has no access to this store */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Not found */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Conflict with the current state */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
                /** @description Invalid input; `errors` names each field and why */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/problem+json": components["schemas"]["Problem"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Adjustment: {
            /** @description Epoch milliseconds */
            createdAt: number;
            id: number;
            lines: components["schemas"]["AdjustmentLine"][];
            madeBy: components["schemas"]["MadeBy"];
            note: string | null;
            reason: string;
            storeId: number;
        };
        /**
         * @description Each line either sets the counted on hand (`set`) or changes it (`delta`), never both; `locationId` defaults to the store’s default location. A SKU and location may appear once.
         * @example {
         *       "reason": "cycle count",
         *       "lines": [
         *         {
         *           "sku": "MUG-BLUE",
         *           "set": 12
         *         },
         *         {
         *           "sku": "CUP-RED",
         *           "delta": -1
         *         }
         *       ]
         *     }
         */
        AdjustmentCreate: {
            lines: {
                delta?: number;
                locationId?: number;
                set?: number;
                sku: string;
            }[];
            note?: string;
            reason: string;
        };
        AdjustmentLine: {
            /** @description On hand just after it */
            after: number;
            /** @description On hand just before the adjustment */
            before: number;
            /** @description What the line moved on hand by (after - before) */
            delta: number;
            locationId: number;
            /**
             * @description `set`: the line counted on hand to `quantity`; `delta`: it changed on hand by `quantity`
             * @enum {string}
             */
            mode: "set" | "delta";
            productId: number;
            /** @description What the line asked for: the count, or the change */
            quantity: number;
            sku: string;
        };
        AdjustmentPage: {
            items: components["schemas"]["Adjustment"][];
            /** @description Pass as `cursor` for older adjustments; null at the end */
            nextCursor: string | null;
        };
        ApiToken: {
            /** @description Epoch milliseconds */
            createdAt: number;
            id: number;
            lastUsedAt: number | null;
            name: string;
            /** @description The first characters of the secret, to tell tokens apart */
            prefix: string;
            /** @description Set once revoked; the token then gets 401 */
            revokedAt: number | null;
            storeId: number;
        };
        ApiTokenPage: {
            items: components["schemas"]["ApiToken"][];
            /** @description Pass as `cursor` for older tokens */
            nextCursor: string | null;
        };
        AppliedRule: {
            buffer: number;
            endWhen: number | null;
            /** @description The winning rule; absent for `none` */
            id?: number;
            maxQuantity: number | null;
            percent: number;
            /** @enum {string} */
            source: "listing" | "product" | "channel" | "store" | "none";
        };
        AppliedUpload: {
            /** @description Rows that changed on hand */
            changed: number;
            /** @description Epoch milliseconds */
            createdAt: number;
            filename: string;
            rowCount: number;
            unchanged: number;
            uploadId: number;
        };
        AutoSyncChange: {
            /** @description (product, channel) pairs queued to push at once */
            marked: number;
            /** @description Pending pushes dropped because Auto Sync went off */
            unmarked: number;
            /** @description Products whose flag changed */
            updated: number;
        };
        AutoSyncPreview: {
            /** @description Rows whose channel quantity will change */
            changing: number;
            /** @description Active channels */
            channels: number;
            /** @description Rows whose push is held (balance unknown) */
            held: number;
            /** @description How many of them `rows` covers */
            previewedProducts: number;
            /** @description Products of the selection whose Auto Sync is off (the ones that would change) */
            products: number;
            /** @description One per previewed product and active channel */
            rows: components["schemas"]["AutoSyncPreviewRow"][];
            unchanged: number;
            /** @description Rows whose channel quantity is not known */
            unknown: number;
        };
        AutoSyncPreviewRequest: {
            filter?: components["schemas"]["ProductFilter"];
            /** @description Products of this store; give ids or filter */
            ids?: number[];
            /**
             * @description Most products to list rows for (the counts cover them all)
             * @default 200
             */
            limit?: number;
        };
        AutoSyncPreviewRow: {
            /** @description Whether the channel’s quantity will be overwritten with a different value; null = the channel’s quantity is not known */
            changes: boolean | null;
            channelId: number;
            channelName: string;
            /** @description What the channel last reported; null = not known */
            channelQuantity: number | null;
            /** @description null: not linked to a channel item yet */
            listingId: number | null;
            productId: number;
            /** @description The syncable balance Ballast will push; null = unknown, the push is held */
            pushQuantity: number | null;
            sku: string;
            unknownReason?: string;
        };
        AutoSyncSetting: {
            /** @description true = on, false = off */
            enabled: boolean;
        };
        BalanceExplanation: {
            inputs: {
                available: number | null;
                committed: number | null;
                components?: components["schemas"]["KitComponentInput"][];
                /** @description The location ids counted */
                locations: number[];
                onHand: number | null;
            };
            rule: components["schemas"]["AppliedRule"];
            /**
             * @example [
             *       "available 12 > end-when 2",
             *       "floor(12 × 50%) = 6"
             *     ]
             */
            steps: string[];
        };
        /** @description `ids` or `filter`, and the new value */
        BulkAutoSync: {
            /** @description true = on, false = off */
            enabled: boolean;
            filter?: components["schemas"]["ProductFilter"];
            /** @description Products of this store; give ids or filter */
            ids?: number[];
        };
        Channel: {
            /** @description What this channel can do with its config; null when it cannot be used */
            capabilities: components["schemas"]["ConnectorCapabilities"] | null;
            /**
             * @description The stored values of the settings that are not secret (the connector’s `secretFields`), as set; a setting left unset is absent (its default applies). Secrets are never returned: `configuredFields` says which are set. Null when the channel has no config (disconnected) or its connector is not installed on this server.
             * @example {
             *       "endpointUrl": "https://erp.example.com/ballast",
             *       "batchSize": 50
             *     }
             */
            config: {
                [key: string]: unknown;
            } | null;
            /**
             * @description Config settings that have a value, secrets included (their values are never returned).
             * @example [
             *       "endpointUrl",
             *       "signingSecret",
             *       "batchSize"
             *     ]
             */
            configuredFields: string[];
            connectorId: string;
            /** @description Epoch milliseconds */
            createdAt: number;
            id: number;
            /** @description The locations the channel counts; null = every location */
            locationIds: number[] | null;
            name: string;
            status: components["schemas"]["ChannelStatus"];
            storeId: number;
            sync: components["schemas"]["ChannelSyncState"];
            /**
             * @description Where the channel posts order webhooks (null: it sends none)
             * @example https://ballast.example.com/webhooks/3
             */
            webhookUrl: string | null;
        };
        ChannelBalance: {
            /** @description Whether the product is pushed to this channel: the listing’s override, else the product’s Auto Sync */
            autoSync: boolean;
            /** @description The listing’s own Auto Sync: true = always on, false = always off, null = follows the product (always null without a listing) */
            autoSyncOverride: boolean | null;
            channelId: number;
            listingId: number | null;
            name: string;
            /** @enum {string} */
            status: "active" | "paused" | "disconnected";
            syncable: components["schemas"]["SyncableBalance"];
        };
        ChannelConnect: {
            /**
             * @description The connector’s settings, as described by `configSchema` in `GET /connectors`. Validated by the connector and stored encrypted. Secret settings (`secretFields`) are never returned; the others come back as the channel’s `config`.
             * @example {
             *       "endpointUrl": "https://erp.example.com/ballast",
             *       "signingSecret": "whsec_..."
             *     }
             */
            config: {
                [key: string]: unknown;
            };
            /** @example webhook */
            connectorId: string;
            /** @description The locations the channel counts; null or omitted = every location */
            locationIds?: number[] | null;
            /** @example Web shop */
            name: string;
        };
        ChannelLastError: {
            /** @description Epoch milliseconds */
            at: number;
            code: string | null;
            message: string | null;
            productId: number;
            /** @enum {string} */
            status: "failed" | "retrying";
        };
        ChannelList: {
            items: components["schemas"]["Channel"][];
            nextCursor: string | null;
        };
        ChannelListing: {
            /** @description Effective Auto Sync for this product on this channel */
            autoSync: boolean;
            /** @description true = always pushed to this channel, false = never, null = follows the product */
            autoSyncOverride: boolean | null;
            /** @description What the channel last reported */
            channelQuantity: number | null;
            channelQuantityAt: number | null;
            channelRef: string | {
                [key: string]: string | number | boolean | null;
            } | null;
            createdAt: number;
            id: number;
            lastPushedAt: number | null;
            lastPushedQuantity: number | null;
            /** @description The product’s own Auto Sync, which the listing follows while `autoSyncOverride` is null */
            productAutoSync: boolean;
            productId: number;
            productName: string;
            sku: string;
        };
        ChannelListingList: {
            items: components["schemas"]["ChannelListing"][];
            nextCursor: string | null;
        };
        ChannelQuantity: {
            /** @description Whether the product is pushed to this channel: the listing’s override, else the product’s Auto Sync */
            autoSync: boolean;
            /** @description The listing’s own Auto Sync on this channel: true = always on, false = always off, null = follows the product (always null without a listing) */
            autoSyncOverride: boolean | null;
            channelId: number;
            /** @description The syncable balance Ballast pushes; null = unknown (push held) */
            quantity: number | null;
            unknownReason?: string;
        };
        /** @enum {string} */
        ChannelStatus: "active" | "paused" | "disconnected";
        ChannelSyncState: {
            /** @description The most recent failed attempt */
            lastError: components["schemas"]["ChannelLastError"] | null;
            /** @description Last successful push (epoch ms) */
            lastPushAt: number | null;
            /** @description Products waiting to be pushed */
            pendingPushes: number;
        };
        ChannelUpdate: {
            /**
             * @description Changes to the connector’s settings, merged into the stored ones (JSON Merge Patch): a setting left out keeps its value; `null` clears it (the connector’s default applies; a required setting cannot be cleared); a secret setting (the connector’s `secretFields`) sent as `""` or left out keeps its stored value, so editing one setting never needs the credentials again. Nested objects merge setting by setting; arrays are replaced. The merged config is validated by the connector (422 names each invalid setting as `body.config.<path>`) and stored encrypted. A disconnected channel has nothing stored: send every required setting.
             * @example {
             *       "batchSize": 50,
             *       "readBackUrl": null,
             *       "signingSecret": ""
             *     }
             */
            config?: {
                [key: string]: unknown;
            };
            /** @description The locations the channel counts; null or omitted = every location */
            locationIds?: number[] | null;
            name?: string;
            /**
             * @description Pause or resume pushes (disconnect has its own endpoint)
             * @enum {string}
             */
            status?: "active" | "paused";
        };
        Connector: {
            /** @description What every channel of this connector can do; null when it depends on the config (batch size, read-back URL, ...): each channel then shows its own. */
            capabilities: components["schemas"]["ConnectorCapabilities"] | null;
            /** @description JSON Schema (2020-12) of `config` when connecting. Secret fields carry `writeOnly: true` and `x-secret: true`: they are stored encrypted and never returned. */
            configSchema: {
                [key: string]: unknown;
            };
            description: string;
            displayName: string;
            /**
             * @description What `connectorId` names when connecting
             * @example webhook
             */
            id: string;
            /**
             * @example [
             *       "signingSecret",
             *       "orderSigningSecret"
             *     ]
             */
            secretFields: string[];
        };
        ConnectorCapabilities: {
            compareAndSet: boolean;
            idempotentWrites: boolean;
            /** @description Most quantity updates per channel call */
            maxBatch: number;
            orderPolling: boolean;
            /** @description Orders arrive at the channel’s webhook URL */
            orderWebhooks: boolean;
            pendingResults: boolean;
            /** @description Every limit the channel enforces */
            rateModels: components["schemas"]["RateModel"][];
            /** @description Quantities can be read back: drift is repaired */
            readBack: boolean;
        };
        ConnectorList: {
            items: components["schemas"]["Connector"][];
        };
        CreatedApiToken: {
            /**
             * @description Send as `Authorization: Bearer <secret>`. Shown this once: only its hash is stored.
             * @example blst_Q2hhbmdlIG1lIHRvIGEgcmVhbCB0b2tlbg
             */
            secret: string;
            token: components["schemas"]["ApiToken"];
        };
        /**
         * Format: binary
         * @description The CSV itself: header `sku,quantity[,mode][,location]`, one row per SKU and location
         * @example sku,quantity,mode,location
         *     MUG-BLUE,12,set,
         *     CUP-RED,-1,delta,Annex
         */
        CsvFile: string;
        Feed: {
            /** @description Which credentials the pulls send, never their secret: the kind, and the user name (basic) or header name (header); null = none. `unreadable`: credentials are stored but cannot be decrypted with this server’s secret (it changed); pulls fail until they are set again. */
            auth: {
                /** @enum {string} */
                type: "basic";
                username: string;
            } | {
                /** @enum {string} */
                type: "bearer";
            } | {
                /** @example X-Api-Key */
                name: string;
                /** @enum {string} */
                type: "header";
            } | {
                /** @enum {string} */
                type: "unreadable";
            } | null;
            /** @description Epoch milliseconds */
            createdAt: number;
            id: number;
            intervalMinutes: number | null;
            /** @description The last successful snapshot (epoch milliseconds) */
            lastAppliedAt: number | null;
            lastError: string | null;
            /** @description Epoch milliseconds */
            lastRunAt: number | null;
            lastStatus: components["schemas"]["FeedRunStatus"] | null;
            name: string;
            /** @description No successful snapshot within the staleness period: the positions of its last snapshot are unknown and their pushes held until a fresh one arrives */
            stale: boolean;
            /** @description The staleness setting: null = automatic (3 pull intervals when scheduled, else never), 0 = never */
            staleAfterMinutes: number | null;
            /** @description When the feed turns stale without a new snapshot (epoch milliseconds); null = never */
            staleAt: number | null;
            storeId: number;
            url: string | null;
        };
        /**
         * @description A feed pulled from `url` every `intervalMinutes` (both optional: without them the feed is pulled on demand with `/run`, or pushed to with `/snapshots`). A scheduled feed needs a url. `staleAfterMinutes`: after this long without a successful snapshot the feed is stale and the stock it covers is unknown (pushes held, recorded in Sync History); absent = 3 pull intervals for a scheduled feed and never otherwise, 0 = never; it must be longer than the pull interval. `auth`: credentials the pulls send: `{ type: "basic", username, password }` (HTTP Basic), `{ type: "bearer", token }` (`Authorization: Bearer`) or `{ type: "header", name, value }` (one header such as `X-Api-Key`). Stored encrypted with the server secret and never returned: the feed shows only their kind and user or header name. Sent only to the url’s own origin, never after a redirect to another. A url with `user:password@` is refused: put them here.
         * @example {
         *       "name": "Warehouse export",
         *       "url": "https://erp.example.com/stock.csv",
         *       "intervalMinutes": 15,
         *       "auth": {
         *         "type": "basic",
         *         "username": "ballast",
         *         "password": "s3cret"
         *       }
         *     }
         */
        FeedCreate: {
            auth?: {
                password: string;
                /** @enum {string} */
                type: "basic";
                username: string;
            } | {
                token: string;
                /** @enum {string} */
                type: "bearer";
            } | {
                name: string;
                /** @enum {string} */
                type: "header";
                value: string;
            } | null;
            intervalMinutes?: number | null;
            name: string;
            staleAfterMinutes?: number | null;
            /** Format: uri */
            url?: string | null;
        };
        /**
         * Format: binary
         * @description The upload CSV format with absolute quantities: `sku,quantity[,location]`
         * @example sku,quantity,location
         *     MUG-BLUE,12,
         *     CUP-RED,0,Annex
         */
        FeedCsv: string;
        FeedDetail: components["schemas"]["Feed"] & {
            /** @description The most recent runs, newest first */
            runs: components["schemas"]["FeedRun"][];
        };
        FeedList: {
            items: components["schemas"]["Feed"][];
            /** @description Pass as `cursor` for the next page; null at the end */
            nextCursor: string | null;
        };
        FeedRun: {
            /** @description Epoch milliseconds */
            at: number;
            /** @description Positions whose on hand changed */
            changed: number;
            error: string | null;
            feedId: number;
            id: number;
            rowCount: number;
            status: components["schemas"]["FeedRunStatus"];
            unknownSkus: string[];
        };
        FeedRunResult: {
            /** @description Epoch milliseconds */
            at: number;
            /** @description Positions whose on hand changed */
            changed: number;
            /** @description Why a failed run failed */
            error: string | null;
            feedId: number;
            /** @description Kit SKUs: kits have no stock of their own */
            ignoredKits: string[];
            rowCount: number;
            runId: number;
            status: components["schemas"]["FeedRunStatus"];
            /** @description SKUs the store does not have (not created) */
            unknownSkus: string[];
        };
        /** @enum {string} */
        FeedRunStatus: "applied" | "failed";
        /**
         * @description Absolute on hand per SKU and location (location name; absent = the store’s default location). Positions not listed are left alone; unknown SKUs are reported, never created.
         * @example {
         *       "items": [
         *         {
         *           "sku": "MUG-BLUE",
         *           "onHand": 12
         *         },
         *         {
         *           "sku": "CUP-RED",
         *           "location": "Annex",
         *           "onHand": 0
         *         }
         *       ]
         *     }
         */
        FeedSnapshot: {
            items: {
                location?: string | null;
                onHand: number;
                sku: string;
            }[];
        };
        /**
         * @description Fields to change; `null` clears `url` or `intervalMinutes`, or sets `staleAfterMinutes` back to automatic. `auth` left out keeps the stored credentials, `null` removes them, and credentials without their secret (`password`, `token` or `value`) keep the stored secret of the same kind. Stored credentials never follow the url to another origin: a `url` on another scheme, host or port needs `auth` again (or `null`). `auth`: credentials the pulls send: `{ type: "basic", username, password }` (HTTP Basic), `{ type: "bearer", token }` (`Authorization: Bearer`) or `{ type: "header", name, value }` (one header such as `X-Api-Key`). Stored encrypted with the server secret and never returned: the feed shows only their kind and user or header name. Sent only to the url’s own origin, never after a redirect to another. A url with `user:password@` is refused: put them here.
         * @example {
         *       "intervalMinutes": 60,
         *       "auth": {
         *         "type": "basic",
         *         "username": "ballast-2"
         *       }
         *     }
         */
        FeedUpdate: {
            auth?: {
                password?: string;
                /** @enum {string} */
                type: "basic";
                username: string;
            } | {
                token?: string;
                /** @enum {string} */
                type: "bearer";
            } | {
                name: string;
                /** @enum {string} */
                type: "header";
                value?: string;
            } | null;
            intervalMinutes?: number | null;
            name?: string;
            staleAfterMinutes?: number | null;
            /** Format: uri */
            url?: string | null;
        };
        KitComponentInput: {
            /** @description null = unknown */
            available: number | null;
            /** @description Units of the component in one kit */
            perKit: number;
            productId: number;
            sku: string;
            /** @description floor(available / perKit) */
            yields: number | null;
        };
        ListingAutoSyncSetting: {
            /** @description true = always push this product to this channel, false = never, null = follow the product’s Auto Sync */
            override: boolean | null;
        };
        ListingMatchResult: {
            /** @description Store SKUs looked up on the channel */
            checked: number;
            /** @description SKUs the channel lists more than once (not linked) */
            duplicates: number;
            /** @description The first 100 duplicated SKUs */
            duplicateSkus: string[];
            /** @description SKUs linked to a channel item */
            matched: number;
            /** @description Of those, links that did not exist before */
            newlyLinked: number;
            /** @description SKUs the channel has no item for */
            unmatched: number;
            /** @description The first 100 unmatched SKUs */
            unmatchedSkus: string[];
        };
        Location: {
            id: number;
            /** @description Where stock goes when a request names no location */
            isDefault: boolean;
            name: string;
            storeId: number;
        };
        LocationBalance: {
            available: number | null;
            committed: number | null;
            incoming: number | null;
            locationId: number;
            name: string;
            onHand: number | null;
            unknownReason?: string;
        };
        LocationInput: {
            /** @example Back room */
            name: string;
        };
        LocationList: {
            items: components["schemas"]["Location"][];
        };
        MadeBy: {
            /** @description The user’s or API token’s id; null for the system */
            id: string | null;
            /**
             * @description `system`: the CLI, the demo or a script calling core directly
             * @enum {string}
             */
            kind: "user" | "token" | "system";
            /** @description The user’s email or the token’s name at the time; null when unknown */
            name: string | null;
        };
        NewApiToken: {
            /** @example warehouse scanner */
            name: string;
        };
        NewStore: {
            /** @description Default false */
            allowNegative?: boolean;
            /** @example Main warehouse */
            defaultLocationName?: string;
            /** @example Main shop */
            name: string;
        };
        /** @description RFC 9457 problem details. `errors` lists each invalid field as `field` + `reason`, where `field` starts with the request part (`body.lines[0].sku`, `query.cursor`, `path.productId`). */
        Problem: {
            /** @description Stable machine-readable error code */
            code: string;
            detail?: string;
            errors?: components["schemas"]["ProblemField"][];
            status: number;
            title: string;
            /** @example https://ballast.dev/problems/validation */
            type: string;
        };
        ProblemField: {
            /** @description CSV only: the column name */
            column?: string;
            /**
             * @description The invalid field, named from the request part it came from: `body.` + a path into the JSON body (`body.lines[0].sku`, `body.name`), `query.` + the query parameter (`query.limit`), `path.` + the path parameter (`path.orderId`), `header.` + the header. Array items are `[index]`, object members `.name`. The part alone (`body`) means the whole of it. Domain checks (unknown SKU, not enough stock) name fields the same way as schema checks. A field without a part names the stored resource’s own field, not the request’s (running a feed that has no `url`).
             * @example body.lines[0].sku
             */
            field: string;
            /** @example unknown SKU "MUG-9" */
            reason: string;
            /** @description CSV only: line number in the file (header = 1) */
            row?: number;
        };
        Product: {
            /** @description Whether the product’s quantity is pushed to channels */
            autoSync: boolean;
            components: components["schemas"]["ProductComponent"][];
            /** @description Epoch milliseconds */
            createdAt: number;
            id: number;
            kind: components["schemas"]["ProductKind"];
            name: string;
            sku: string;
            storeId: number;
            /** @description Epoch milliseconds */
            updatedAt: number;
        };
        ProductBalance: {
            available: number | null;
            channels: components["schemas"]["ChannelBalance"][];
            committed: number | null;
            /** @description Kits only */
            components?: components["schemas"]["KitComponentInput"][];
            incoming: number | null;
            kind: components["schemas"]["ProductKind"];
            onHand: number | null;
            perLocation: components["schemas"]["LocationBalance"][];
            productId: number;
            sku: string;
            unknownReason?: string;
        };
        ProductComponent: {
            productId: number;
            /** @description Units of the component in one unit of the product */
            quantity: number;
            sku: string;
        };
        ProductComponentInput: {
            quantity: number;
            /**
             * @description SKU of an existing product of the store
             * @example MUG-RED
             */
            sku: string;
        };
        ProductCount: {
            count: number;
        };
        /** @description Every field narrows the selection; `{}` selects every product */
        ProductFilter: {
            autoSync?: boolean;
            /** @description Has a listing on this channel */
            channelId?: number;
            /** @description Only these products */
            ids?: number[];
            kind?: components["schemas"]["ProductKind"];
            /** @description Case-insensitive “contains” on SKU or name */
            q?: string;
            /** @enum {string} */
            syncStatus?: "failed" | "pending" | "ok";
        };
        ProductInput: {
            /**
             * @description On: pushed to every active channel at once
             * @default false
             */
            autoSync?: boolean;
            /**
             * @description Kits and assemblies only: what one unit is made of, by SKU
             * @default []
             */
            components?: components["schemas"]["ProductComponentInput"][];
            kind?: components["schemas"]["ProductKind"];
            /** @example Red mug */
            name: string;
            /** @example MUG-RED */
            sku: string;
        };
        /**
         * @description `simple`: own stock; `kit`: virtual bundle whose balance comes from its components; `assembly`: own stock built by work orders
         * @enum {string}
         */
        ProductKind: "simple" | "kit" | "assembly";
        ProductList: {
            items: components["schemas"]["ProductListItem"][];
            /** @description Pass as `cursor` for the next page */
            nextCursor: string | null;
            /** @description With `includeTotal=true` */
            total?: number;
        };
        ProductListItem: {
            autoSync: boolean;
            /** @description on hand − committed; null for kits */
            available: number | null;
            /** @description The syncable balance on each active channel, and whether it is pushed there */
            channels: components["schemas"]["ChannelQuantity"][];
            committed: number | null;
            createdAt: number;
            id: number;
            kind: components["schemas"]["ProductKind"];
            name: string;
            /** @description Over every location; null for kits */
            onHand: number | null;
            sku: string;
        };
        ProductUpdate: {
            /** @description Replaces every component (kits and assemblies only) */
            components?: components["schemas"]["ProductComponentInput"][];
            name?: string;
            /** @example MUG-RED */
            sku?: string;
        };
        PurchaseOrder: components["schemas"]["PurchaseOrderSummary"] & {
            lines: components["schemas"]["PurchaseOrderLine"][];
        };
        /**
         * @description Each line counts as incoming at the location (default: the store’s default location).
         * @example {
         *       "number": "PO-7",
         *       "supplier": "Acme",
         *       "lines": [
         *         {
         *           "sku": "MUG-BLUE",
         *           "quantity": 48
         *         }
         *       ]
         *     }
         */
        PurchaseOrderCreate: {
            lines: {
                quantity: number;
                sku: string;
            }[];
            locationId?: number;
            number: string;
            supplier?: string;
        };
        PurchaseOrderLine: {
            id: number;
            /** @description Still counted as incoming */
            outstanding: number;
            productId: number;
            quantity: number;
            /** @description Everything received so far; may exceed quantity */
            received: number;
            sku: string;
        };
        PurchaseOrderPage: {
            items: components["schemas"]["PurchaseOrderSummary"][];
            /** @description Pass as `cursor` for the next page; null at the end */
            nextCursor: string | null;
        };
        /**
         * @description Goods received, by `lineId` or `sku`. Partial receipts are allowed; an over-receipt puts the whole quantity on hand and drops incoming only by what was outstanding.
         * @example {
         *       "lines": [
         *         {
         *           "sku": "MUG-BLUE",
         *           "quantity": 24
         *         }
         *       ]
         *     }
         */
        PurchaseOrderReceipt: {
            lines: {
                lineId?: number;
                quantity: number;
                sku?: string;
            }[];
        };
        /** @enum {string} */
        PurchaseOrderStatus: "open" | "partially_received" | "received" | "cancelled";
        PurchaseOrderSummary: {
            /** @description Epoch milliseconds */
            createdAt: number;
            id: number;
            locationId: number;
            number: string;
            status: components["schemas"]["PurchaseOrderStatus"];
            storeId: number;
            supplier: string | null;
            /** @description Epoch milliseconds */
            updatedAt: number;
        };
        RateModel: {
            burst: number;
            /** @enum {string} */
            kind: "token-bucket";
            ratePerSec: number;
        } | {
            capacity: number;
            /** @enum {string} */
            kind: "cost-bucket";
            restorePerSec: number;
        } | {
            /** @enum {string} */
            kind: "fixed-window";
            limit: number;
            windowMs: number;
        } | {
            /** @enum {string} */
            kind: "daily-quota";
            limit: number;
        };
        SalesOrder: components["schemas"]["SalesOrderSummary"] & {
            lines: components["schemas"]["SalesOrderLine"][];
        };
        SalesOrderAllocation: {
            /** @description Units of this product one unit of the line takes */
            perUnit: number;
            productId: number;
            sku: string;
        };
        /**
         * @description Commits stock for each line at the location (default: the store’s default location).
         * @example {
         *       "number": "SO-1001",
         *       "lines": [
         *         {
         *           "sku": "MUG-BLUE",
         *           "quantity": 2
         *         }
         *       ]
         *     }
         */
        SalesOrderCreate: {
            channelId?: number;
            lines: {
                quantity: number;
                sku: string;
            }[];
            locationId?: number;
            number: string;
        };
        SalesOrderLine: {
            /** @description What one unit takes from stock: the product itself, or a kit’s components */
            allocations: components["schemas"]["SalesOrderAllocation"][];
            cancelled: number;
            id: number;
            /** @description quantity - shipped - cancelled: still committed */
            outstanding: number;
            productId: number;
            quantity: number;
            shipped: number;
            sku: string;
        };
        SalesOrderPage: {
            items: components["schemas"]["SalesOrderSummary"][];
            /** @description Pass as `cursor` for the next page; null at the end */
            nextCursor: string | null;
        };
        /**
         * @description Lines to ship, named by `lineId` or by `sku`; omit `lines` (or send `{}`) to ship everything outstanding.
         * @example {
         *       "lines": [
         *         {
         *           "sku": "MUG-BLUE",
         *           "quantity": 1
         *         }
         *       ]
         *     }
         */
        SalesOrderShipment: {
            lines?: {
                lineId?: number;
                quantity: number;
                sku?: string;
            }[];
        };
        /** @enum {string} */
        SalesOrderStatus: "open" | "partially_shipped" | "shipped" | "cancelled";
        SalesOrderSummary: {
            channelId: number | null;
            /** @description Epoch milliseconds */
            createdAt: number;
            id: number;
            locationId: number;
            number: string;
            status: components["schemas"]["SalesOrderStatus"];
            storeId: number;
            /** @description Epoch milliseconds */
            updatedAt: number;
        };
        Session: {
            /** @description Epoch milliseconds; the session slides forward while it is used */
            expiresAt: number;
            /** @description The stores this user acts for */
            stores: components["schemas"]["SessionStore"][];
            user: components["schemas"]["SessionUser"];
        };
        SessionStore: {
            id: number;
            name: string;
            /** @enum {string} */
            role: "owner" | "member";
        };
        SessionUser: {
            /** @description Epoch milliseconds */
            createdAt: number;
            email: string;
            id: string;
            name: string;
        };
        SignIn: {
            /**
             * Format: email
             * @example owner@example.com
             */
            email: string;
            password: string;
        };
        Store: {
            /** @description Whether stock may go below zero (see README, "Negative stock") */
            allowNegative: boolean;
            /** @description Epoch milliseconds */
            createdAt: number;
            defaultLocationId: number;
            id: number;
            name: string;
        };
        StoreSettings: {
            allowNegative?: boolean;
            name?: string;
        };
        SyncableBalance: {
            explanation: components["schemas"]["BalanceExplanation"];
            /** @description null = unknown: the push is held */
            quantity: number | null;
            unknownReason?: string;
        };
        SyncActivity: {
            bucketMs: number;
            buckets: components["schemas"]["SyncActivityBucket"][];
            from: number;
            to: number;
        };
        SyncActivityBucket: {
            counts: components["schemas"]["SyncStatusCounts"];
            /** @description Epoch ms; covers [start, start + bucketMs) */
            start: number;
            total: number;
        };
        SyncCause: {
            firstMarkedAt: number;
            /** @description Changes coalesced into this push */
            marks: number;
            /**
             * @description What the cause names within its type: an order’s id, a feed run’s id…
             * @example 1001
             */
            ref: string;
            /** @description Resolved when read, not stored: null when the type names no thing (auto_sync, resync) or the thing no longer exists (a deleted feed) */
            subject: components["schemas"]["SyncCauseSubject"] | null;
            type: components["schemas"]["SyncCauseType"];
        };
        /** @description What a cause names, as the merchant knows it (a feed run’s cause names its feed) */
        SyncCauseSubject: {
            /**
             * @description The thing’s own id, as its routes take it: the sales order’s (sales_order, channel_order), the purchase or work order’s, the adjustment’s, the upload’s, the feed’s (not the run’s)
             * @example 12
             */
            id: number;
            /**
             * @description What the merchant knows it by: the order’s number, the adjustment’s reason, the upload’s file name, the feed’s name
             * @example #1001
             */
            name: string;
        };
        /**
         * @description What set a push in motion
         * @enum {string}
         */
        SyncCauseType: "sales_order" | "purchase_order" | "work_order" | "adjustment" | "upload" | "feed" | "channel_order" | "auto_sync" | "resync";
        SyncHistoryEntry: {
            attempt: number;
            cause: components["schemas"]["SyncCause"];
            channelId: number;
            channelName: string;
            /** @description Epoch milliseconds */
            createdAt: number;
            errorCode: string | null;
            errorMessage: string | null;
            /** @description How the quantity was computed, as stored when the attempt was recorded: a BalanceExplanation (inputs, the winning rule, steps) */
            explanation?: unknown;
            finishedAt: number | null;
            id: number;
            idempotencyKey: string | null;
            listingId: number | null;
            pendingHandle: string | null;
            /** @description What the channel showed before */
            previousQuantity: number | null;
            productId: number;
            productName: string;
            /** @description Sent; null = unknown, nothing was pushed */
            quantity: number | null;
            queuedAt: number;
            seq: number;
            sku: string;
            startedAt: number | null;
            status: components["schemas"]["SyncStatus"];
            workerId: string | null;
        };
        SyncHistoryPage: {
            items: components["schemas"]["SyncHistoryEntry"][];
            /** @description Pass as `cursor` for older entries */
            nextCursor: string | null;
        };
        /** @enum {string} */
        SyncStatus: "pending" | "succeeded" | "failed" | "retrying" | "skipped";
        SyncStatusCounts: {
            failed: number;
            pending: number;
            retrying: number;
            skipped: number;
            succeeded: number;
        };
        UploadDryRun: {
            errorCount: number;
            /** @description In line order, at most 1,000 (see errorCount) */
            errors: components["schemas"]["UploadRowError"][];
            /** @description True when the file can be applied as it is */
            ok: boolean;
            /** @description The first rows and what applying would do */
            preview: components["schemas"]["UploadPreviewRow"][];
            rowCount: number;
        };
        UploadForm: {
            /**
             * Format: binary
             * @description The CSV: header `sku,quantity[,mode][,location]`
             */
            file: string;
            mode?: components["schemas"]["UploadMode"];
        };
        /**
         * @description How rows without a `mode` column value apply: `set` the count, or change it by a `delta`
         * @enum {string}
         */
        UploadMode: "set" | "delta";
        UploadPreviewRow: {
            location: string;
            mode: components["schemas"]["UploadMode"];
            onHandAfter: number;
            onHandBefore: number;
            quantity: number;
            row: number;
            sku: string;
        };
        UploadRowError: {
            /** @description The column, or null for the whole line */
            column: string | null;
            message: string;
            /** @description Line number in the file (the header is line 1) */
            row: number;
        };
        WebhookDelivery: {
            channelId: number;
            channelOrderId: string | null;
            /** @description The channel’s id for the delivery */
            deliveryId: string | null;
            error: string | null;
            id: number;
            /** @description Failed deliveries: the order as the channel sent it */
            order?: unknown;
            /** @description Epoch milliseconds */
            receivedAt: number;
            salesOrderId: number | null;
            status: components["schemas"]["WebhookDeliveryStatus"];
        };
        WebhookDeliveryList: {
            items: components["schemas"]["WebhookDelivery"][];
            nextCursor: string | null;
        };
        /**
         * @description `created`: a sales order was made. `duplicate`: a redelivery of an order already recorded. `failed`: the order could not be recorded (e.g. an unknown SKU) and needs a person. `ignored`: not an order. `invalid`: signed but unreadable.
         * @enum {string}
         */
        WebhookDeliveryStatus: "created" | "duplicate" | "failed" | "ignored" | "invalid";
        WorkOrder: components["schemas"]["WorkOrderSummary"] & {
            components: components["schemas"]["WorkOrderComponent"][];
        };
        WorkOrderComponent: {
            productId: number;
            /** @description Units the whole work order consumes */
            required: number;
            sku: string;
        };
        /**
         * @description Builds `quantity` of an assembly. Its bill of materials is copied into the order and committed at the location (default: the store’s default location).
         * @example {
         *       "number": "WO-1",
         *       "sku": "GIFT-BOX",
         *       "quantity": 10
         *     }
         */
        WorkOrderCreate: {
            locationId?: number;
            number: string;
            quantity: number;
            sku: string;
        };
        WorkOrderPage: {
            items: components["schemas"]["WorkOrderSummary"][];
            /** @description Pass as `cursor` for the next page; null at the end */
            nextCursor: string | null;
        };
        /** @enum {string} */
        WorkOrderStatus: "in_progress" | "completed" | "cancelled";
        WorkOrderSummary: {
            /** @description Epoch milliseconds */
            createdAt: number;
            id: number;
            locationId: number;
            number: string;
            productId: number;
            quantity: number;
            /** @description The assembly being built */
            sku: string;
            status: components["schemas"]["WorkOrderStatus"];
            storeId: number;
            /** @description Epoch milliseconds */
            updatedAt: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
