/**
 * Who is calling. An API token acts for exactly one store; a signed-in merchant user for the stores they
 * belong to. Every route checks the store in its path against this.
 */
export type Principal =
  | { kind: 'token'; tokenId: number; storeIds: readonly number[] }
  | { kind: 'user'; userId: string; storeIds: readonly number[] };

/** How a request is turned into a principal; the session resolver (admin users) plugs in beside tokens. */
export type PrincipalResolver = (request: Request) => Promise<Principal | undefined>;
