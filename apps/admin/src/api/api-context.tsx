import { createContext, type JSX, useContext } from 'solid-js';
import type { ApiClient } from './client.ts';

const ApiContext = createContext<ApiClient>();

export function ApiProvider(props: { client: ApiClient; children: JSX.Element }) {
  return <ApiContext.Provider value={props.client}>{props.children}</ApiContext.Provider>;
}

/** The typed API client of the running app. */
export function useApi(): ApiClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi() outside <ApiProvider>');
  return client;
}
