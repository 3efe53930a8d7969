/** A line being typed into an order or adjustment form: text, as inputs hold it. */
export interface LineDraft {
  sku: string;
  quantity: string;
}

export const EMPTY_LINE: LineDraft = { sku: '', quantity: '' };

/**
 * The lines to send: blank rows dropped, quantities parsed. A row that is half filled is kept as typed
 * (NaN quantity) so the server names it (`lines[1].quantity`) instead of it silently vanishing.
 */
export function linesToSend(drafts: readonly LineDraft[]): { sku: string; quantity: number }[] {
  return drafts
    .filter((d) => d.sku.trim() !== '' || d.quantity.trim() !== '')
    .map((d) => ({
      sku: d.sku.trim(),
      quantity: d.quantity.trim() === '' ? Number.NaN : Number(d.quantity),
    }));
}
