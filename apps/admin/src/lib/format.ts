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

/** A duration in whole minutes the way a person says it: `45 min`, `1 h 30 min`, `2 days 6 h`. */
export function formatMinutes(minutes: number): string {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days > 0 && plural(days, 'day'), hours > 0 && `${hours} h`, rest > 0 && `${rest} min`];
  return parts.filter(Boolean).join(' ') || '0 min';
}

/** `sales_order` -> `Sales order`. */
export function humanize(code: string): string {
  const words = code.replaceAll(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
