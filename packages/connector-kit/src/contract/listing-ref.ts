/** A JSON scalar: what a listing reference may hold, so the engine can store it as-is. */
export type JsonScalar = string | number | boolean | null;

/**
 * A connector's reference to one channel item, produced by its own `lookupListings` and handed back
 * unchanged in every later call. The engine stores it as JSON, so it is a string or a flat object of scalars;
 * each connector narrows it to its own shape (for example `{ inventoryItemId: string; locationId: string }`).
 */
export type ListingRef = string | { readonly [field: string]: JsonScalar };
