import { describe, expect, it } from 'vitest';
import {
  EMPTY_SELECTION,
  headerState,
  isSelected,
  offersSelectAll,
  selectedCount,
  selectionBody,
  togglePage,
  toggleRow,
} from '../src/lib/selection.ts';

const page = [1, 2, 3];

describe('table selection', () => {
  it('the header checkbox selects the whole page, then clears it', () => {
    const all = togglePage(EMPTY_SELECTION, page);
    expect(headerState(all, page)).toBe('checked');
    expect(selectionBody(all)).toEqual({ ids: [1, 2, 3] });
    expect(headerState(togglePage(all, page), page)).toBe('unchecked');
  });

  it('is indeterminate with some rows, and the header then selects the rest', () => {
    const one = toggleRow(EMPTY_SELECTION, 2, page);
    expect(headerState(one, page)).toBe('indeterminate');
    expect(headerState(togglePage(one, page), page)).toBe('checked');
  });

  it('offers “select all N matching” only once the full page is ticked and more match', () => {
    const all = togglePage(EMPTY_SELECTION, page);
    expect(offersSelectAll(all, page, 3)).toBe(false);
    expect(offersSelectAll(all, page, 1000)).toBe(true);
    expect(offersSelectAll(toggleRow(EMPTY_SELECTION, 1, page), page, 1000)).toBe(false);
  });

  it('“all matching” acts on the filter and counts every match', () => {
    const everything = { kind: 'all' as const, filter: { q: 'mug' } };
    expect(selectionBody(everything)).toEqual({ filter: { q: 'mug' } });
    expect(selectedCount(everything, 1000)).toBe(1000);
    expect(isSelected(everything, 99)).toBe(true);
  });

  it('unticking one row of “all matching” keeps the rest of the page', () => {
    const narrowed = toggleRow({ kind: 'all', filter: {} }, 2, page);
    expect(selectionBody(narrowed)).toEqual({ ids: [1, 3] });
  });
});
