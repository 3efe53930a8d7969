import { describe, expect, it } from 'vitest';
import { FIRST_PAGE, nextPage, pageIndex, pageRange, previousPage } from '../src/lib/keyset-pages.ts';

describe('keyset page navigation', () => {
  it('goes forward with the server’s cursor and back through the cursors seen', () => {
    const second = nextPage(FIRST_PAGE, 'c1');
    const third = nextPage(second, 'c2');
    expect(third.current).toBe('c2');
    expect(pageIndex(third)).toBe(2);
    expect(previousPage(third)).toEqual(second);
    expect(previousPage(previousPage(third))).toEqual(FIRST_PAGE);
    expect(previousPage(FIRST_PAGE)).toBe(FIRST_PAGE);
  });

  it('numbers the rows shown', () => {
    expect(pageRange(FIRST_PAGE, 50, 50)).toEqual({ from: 1, to: 50 });
    expect(pageRange(nextPage(FIRST_PAGE, 'c'), 50, 7)).toEqual({ from: 51, to: 57 });
    expect(pageRange(FIRST_PAGE, 50, 0)).toEqual({ from: 0, to: 0 });
  });
});
