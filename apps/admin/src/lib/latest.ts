import type { Resource } from 'solid-js';

/**
 * A resource's most recent value, or undefined while it has none or after it failed. Solid throws a failed
 * resource's error from `.latest`, which would take the whole page down; pages show `.error` themselves.
 */
export function latest<T>(resource: Resource<T>): T | undefined {
  return resource.error ? undefined : resource.latest;
}
