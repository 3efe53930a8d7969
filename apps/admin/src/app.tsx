import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { ApiProvider } from './api/api-context.tsx';
import { createApiClient } from './api/client.ts';
import { LoginPage } from './auth/login-page.tsx';
import { RequireSession } from './auth/require-session.tsx';
import { SessionProvider } from './auth/session.tsx';
import { StoreShell } from './layout/store-shell.tsx';
import { AdjustmentsPage } from './pages/adjustments/adjustments-page.tsx';
import { ChannelPage } from './pages/channels/channel-page.tsx';
import { ChannelsPage } from './pages/channels/channels-page.tsx';
import { DashboardPage } from './pages/dashboard/dashboard-page.tsx';
import { EcommerceDetailsPage } from './pages/ecommerce-details-page.tsx';
import { FeedPage } from './pages/feeds/feed-page.tsx';
import { FeedsPage } from './pages/feeds/feeds-page.tsx';
import { NotFoundPage } from './pages/not-found-page.tsx';
import { PurchaseOrderPage } from './pages/orders/purchase-order-page.tsx';
import { PurchaseOrdersPage } from './pages/orders/purchase-orders-page.tsx';
import { SalesOrderPage } from './pages/orders/sales-order-page.tsx';
import { SalesOrdersPage } from './pages/orders/sales-orders-page.tsx';
import { WorkOrderPage } from './pages/orders/work-order-page.tsx';
import { WorkOrdersPage } from './pages/orders/work-orders-page.tsx';
import { ProductPage } from './pages/products/product-page.tsx';
import { ProductsPage } from './pages/products/products-page.tsx';
import { ApiTokensPage } from './pages/settings/api-tokens-page.tsx';
import { SyncHistoryPage } from './pages/sync-history/sync-history-page.tsx';
import { UploadsPage } from './pages/uploads/uploads-page.tsx';
import { PageErrorBoundary } from './ui/page-error.tsx';
import { ToastRegion } from './ui/toaster.tsx';

function Root(props: RouteSectionProps) {
  return (
    <>
      <PageErrorBoundary>{props.children}</PageErrorBoundary>
      <ToastRegion />
    </>
  );
}

export function App() {
  // A 401 from any call means the session is over: the session provider sends the merchant to log in.
  let onUnauthorized = () => {};
  const api = createApiClient({ onUnauthorized: () => onUnauthorized() });
  return (
    <ApiProvider client={api}>
      <SessionProvider api={api} bindUnauthorized={(handler) => (onUnauthorized = handler)}>
        <Router root={Root}>
          <Route path="/login" component={LoginPage} />
          <Route path="/" component={RequireSession}>
            <Route path="/" component={() => <Navigate href="/ecommerce" />} />
            <Route path="/ecommerce" component={EcommerceDetailsPage} />
            <Route path="/stores/:storeId" component={StoreShell}>
              <Route path="/" component={DashboardPage} />
              <Route path="/products" component={ProductsPage} />
              <Route path="/products/:productId" component={ProductPage} />
              <Route path="/sync-history" component={SyncHistoryPage} />
              <Route path="/channels" component={ChannelsPage} />
              <Route path="/channels/:channelId" component={ChannelPage} />
              <Route path="/sales-orders" component={SalesOrdersPage} />
              <Route path="/sales-orders/:orderId" component={SalesOrderPage} />
              <Route path="/purchase-orders" component={PurchaseOrdersPage} />
              <Route path="/purchase-orders/:orderId" component={PurchaseOrderPage} />
              <Route path="/work-orders" component={WorkOrdersPage} />
              <Route path="/work-orders/:workOrderId" component={WorkOrderPage} />
              <Route path="/adjustments" component={AdjustmentsPage} />
              <Route path="/uploads" component={UploadsPage} />
              <Route path="/feeds" component={FeedsPage} />
              <Route path="/feeds/:feedId" component={FeedPage} />
              <Route path="/settings/api-tokens" component={ApiTokensPage} />
            </Route>
            <Route path="*" component={NotFoundPage} />
          </Route>
        </Router>
      </SessionProvider>
    </ApiProvider>
  );
}
