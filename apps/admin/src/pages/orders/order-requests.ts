import { type ApiClient, unwrap } from '../../api/client.ts';
import type { LineQuantities } from './order-fulfilment.tsx';
import type { OrderPath } from './order-kinds.ts';

// Each kind's calls on one order, made from its list's rows and from its page alike. Typed by their routes: a
// route is a literal, so there is one function per kind rather than one built from the kind's `route`.

export function salesOrderRequests(api: ApiClient) {
  return {
    get: (path: OrderPath<'orderId'>) =>
      unwrap(api.GET('/stores/{storeId}/sales-orders/{orderId}', { params: { path } })),
    ship: (path: OrderPath<'orderId'>, lines: LineQuantities) =>
      unwrap(
        api.POST('/stores/{storeId}/sales-orders/{orderId}/ship', { params: { path }, body: { lines } }),
      ),
    /** Ships every line's open quantity (the route's default without lines). */
    shipAll: (path: OrderPath<'orderId'>) =>
      unwrap(api.POST('/stores/{storeId}/sales-orders/{orderId}/ship', { params: { path }, body: {} })),
    cancel: (path: OrderPath<'orderId'>) =>
      unwrap(api.POST('/stores/{storeId}/sales-orders/{orderId}/cancel', { params: { path } })),
  };
}

export function purchaseOrderRequests(api: ApiClient) {
  return {
    get: (path: OrderPath<'orderId'>) =>
      unwrap(api.GET('/stores/{storeId}/purchase-orders/{orderId}', { params: { path } })),
    receive: (path: OrderPath<'orderId'>, lines: LineQuantities) =>
      unwrap(
        api.POST('/stores/{storeId}/purchase-orders/{orderId}/receive', {
          params: { path },
          body: { lines },
        }),
      ),
    cancel: (path: OrderPath<'orderId'>) =>
      unwrap(api.POST('/stores/{storeId}/purchase-orders/{orderId}/cancel', { params: { path } })),
  };
}

export function workOrderRequests(api: ApiClient) {
  return {
    get: (path: OrderPath<'workOrderId'>) =>
      unwrap(api.GET('/stores/{storeId}/work-orders/{workOrderId}', { params: { path } })),
    complete: (path: OrderPath<'workOrderId'>) =>
      unwrap(api.POST('/stores/{storeId}/work-orders/{workOrderId}/complete', { params: { path } })),
    cancel: (path: OrderPath<'workOrderId'>) =>
      unwrap(api.POST('/stores/{storeId}/work-orders/{workOrderId}/cancel', { params: { path } })),
  };
}
