import { A } from '@solidjs/router';

/** A SKU that opens its product's page. */
export function SkuLink(props: { storeId: number; productId: number; sku: string }) {
  return (
    <A class="sku" href={`/stores/${props.storeId}/products/${props.productId}`}>
      {props.sku}
    </A>
  );
}
