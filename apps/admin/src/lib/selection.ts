import type { ProductFilter } from '../api/types.ts';

/**
 * What the header checkbox and the row checkboxes selected: some rows of the page, or (after “Select all N
 * matching”) every product that matches the filter, including rows not loaded.
 */
export type Selection = { kind: 'ids'; ids: ReadonlySet<number> } | { kind: 'all'; filter: ProductFilter };

export const EMPTY_SELECTION: Selection = { kind: 'ids', ids: new Set() };

export function toggleRow(selection: Selection, id: number, pageIds: readonly number[]): Selection {
  // Unticking one row of an “all matching” selection leaves the rest of the page selected.
  const ids = new Set(selection.kind === 'all' ? pageIds : selection.ids);
  if (ids.has(id)) ids.delete(id);
  else ids.add(id);
  return { kind: 'ids', ids };
}

/** The header checkbox: select the page when not all of it is selected, else clear. */
export function togglePage(selection: Selection, pageIds: readonly number[]): Selection {
  if (headerState(selection, pageIds) === 'checked') return EMPTY_SELECTION;
  return { kind: 'ids', ids: new Set(pageIds) };
}

export function headerState(
  selection: Selection,
  pageIds: readonly number[],
): 'checked' | 'indeterminate' | 'unchecked' {
  if (selection.kind === 'all') return pageIds.length > 0 ? 'checked' : 'unchecked';
  const selected = pageIds.filter((id) => selection.ids.has(id)).length;
  if (selected === 0) return 'unchecked';
  return selected === pageIds.length ? 'checked' : 'indeterminate';
}

export function isSelected(selection: Selection, id: number): boolean {
  return selection.kind === 'all' || selection.ids.has(id);
}

/** How many products an action on the selection touches (`total` = products matching the filter). */
export function selectedCount(selection: Selection, total: number): number {
  return selection.kind === 'all' ? total : selection.ids.size;
}

/** The body part the preview and bulk routes take: explicit ids, or the filter. */
export function selectionBody(selection: Selection): { ids: number[] } | { filter: ProductFilter } {
  return selection.kind === 'all' ? { filter: selection.filter } : { ids: [...selection.ids] };
}

/** Offer “Select all N matching” once the whole page is ticked and more products match than it shows. */
export function offersSelectAll(selection: Selection, pageIds: readonly number[], total: number): boolean {
  return selection.kind === 'ids' && headerState(selection, pageIds) === 'checked' && total > pageIds.length;
}
