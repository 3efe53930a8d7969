import { type Accessor, createContext, createResource, type JSX, type Resource, useContext } from 'solid-js';
import { useApi } from '../api/api-context.tsx';
import { unwrap } from '../api/client.ts';
import type { Channel, Store } from '../api/types.ts';
import { latest } from '../lib/latest.ts';

export interface StoreContextValue {
  storeId: Accessor<number>;
  store: Resource<Store>;
  /** Every channel of the store (a store has a handful). */
  channels: Resource<Channel[]>;
  /** The channels pushes go to: a Syncable column each on the products page. */
  activeChannels: Accessor<Channel[]>;
  refetchChannels(): void;
  /** A location's name by id (explanations name the locations they counted by id). */
  locationName(id: number): string | undefined;
}

const StoreContext = createContext<StoreContextValue>();

/** Loads the store the merchant is managing and its channels, for every page of its Ecommerce Dashboard. */
export function StoreProvider(props: { storeId: number; children: JSX.Element }) {
  const api = useApi();
  const storeId = () => props.storeId;
  const [store] = createResource(storeId, (id) =>
    unwrap(api.GET('/stores/{storeId}', { params: { path: { storeId: id } } })),
  );
  const [channels, { refetch }] = createResource(storeId, async (id) => {
    const page = await unwrap(
      api.GET('/stores/{storeId}/channels', { params: { path: { storeId: id }, query: { limit: 100 } } }),
    );
    return page.items;
  });
  const [locations] = createResource(storeId, (id) =>
    unwrap(api.GET('/stores/{storeId}/locations', { params: { path: { storeId: id } } })).then(
      (r) => r.items,
    ),
  );
  const value: StoreContextValue = {
    storeId,
    store,
    channels,
    activeChannels: () => (latest(channels) ?? []).filter((c) => c.status === 'active'),
    refetchChannels: () => void refetch(),
    locationName: (id) => latest(locations)?.find((l) => l.id === id)?.name,
  };
  return <StoreContext.Provider value={value}>{props.children}</StoreContext.Provider>;
}

export function useStore(): StoreContextValue {
  const value = useContext(StoreContext);
  if (!value) throw new Error('useStore() outside <StoreProvider>');
  return value;
}
