/** One line of a channel order: the SKU sold and how many. */
export interface OrderLine {
  readonly sku: string;
  readonly quantity: number;
  readonly channelLineId?: string;
}

/** A new order on a channel, as the engine needs it to commit stock. */
export interface ChannelOrder {
  readonly channelOrderId: string;
  readonly createdAt: Date;
  readonly lines: readonly OrderLine[];
}

/** An incoming webhook delivery exactly as received: the signature is over the raw bytes. */
export interface WebhookRequest {
  readonly headers: Headers;
  readonly rawBody: string;
}

export type WebhookVerdict = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * What a verified delivery means. Deliveries that are not new orders (pings, other topics) are `ignored`,
 * not errors, so the server still answers 2xx and the channel does not disable the subscription. A signed
 * body we cannot read is `invalid`: the host answers 400 and logs it loudly, since an order may be lost.
 */
export type OrderEvent =
  | {
      readonly kind: 'order';
      /** The channel's delivery id, for deduplicating redeliveries, when it sends one. */
      readonly deliveryId?: string;
      readonly order: ChannelOrder;
    }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly reason: string };

/** One page of polled orders and where the next poll starts. */
export interface OrderPage {
  readonly orders: readonly ChannelOrder[];
  readonly nextSince: Date;
}
