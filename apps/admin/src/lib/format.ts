const numberFormat = new Intl.NumberFormat('en-US');

/** A quantity for a table cell: null is “unknown”, never 0 (the master does not guess). */
export function formatQuantity(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return numberFormat.format(value);
}

export function formatCount(value: number): string {
  return numberFormat.format(value);
}

/** Epoch milliseconds as a short local date and time. */
export function formatTime(millis: number, locale?: string): string {
  return new Date(millis).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'medium' });
}

/** “3 products” / “1 product”. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${formatCount(count)} ${count === 1 ? one : many}`;
}

/** `sales_order` -> `Sales order`. */
export function humanize(code: string): string {
  const words = code.replaceAll(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
