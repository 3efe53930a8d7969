import { shipSalesOrder } from '@ballast/core';
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../../app-env.ts';
import { fieldErrorsIn } from '../shared/field-errors-in.ts';
import { operationOptions, storeIdOf } from '../shared/params.ts';
import { errorResponses, jsonContent } from '../shared/responses.ts';
import { salesOrderParamsSchema, salesOrderSchema, shipmentSchema } from './sales-order-schema.ts';

/** Core names the order `orderId`, as the path does; everything else it names is in the body. */
const ORDER_ID_IN_PATH = { path: { orderId: 'orderId' }, rest: 'body' } as const;

const route = createRoute({
  method: 'post',
  path: '/stores/{storeId}/sales-orders/{orderId}/ship',
  tags: ['Sales orders'],
  summary: 'Ship all or part of an order (stock leaves on hand)',
  description:
    'Shipping more than a line has outstanding is a 422 at that line’s `quantity`; a shipped or ' +
    'cancelled order answers 409.',
  request: {
    params: salesOrderParamsSchema,
    // Optional: an empty request ships everything still outstanding.
    body: { content: jsonContent(shipmentSchema), required: false },
  },
  responses: {
    200: { description: 'The order after the shipment', content: jsonContent(salesOrderSchema) },
    ...errorResponses,
  },
});

export function registerShipSalesOrder(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) => {
    const { storeId, orderId } = c.req.valid('param');
    const deps = c.get('deps');
    const shipment = c.req.valid('json');
    const order = await fieldErrorsIn(ORDER_ID_IN_PATH, () =>
      shipSalesOrder(deps.db, storeIdOf(c, storeId), orderId, shipment, operationOptions(c)),
    );
    deps.notifySync();
    return c.json(order, 200);
  });
}
