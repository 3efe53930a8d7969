import { describe, expect, it } from 'vitest';
import { formatQuantity, humanize, plural } from '../src/lib/format.ts';
import { linesToSend } from '../src/lib/lines.ts';
import { safeNext } from '../src/lib/safe-next.ts';

describe('formatting', () => {
  it('shows an unknown quantity as a dash, never 0', () => {
    expect(formatQuantity(null)).toBe('—');
    expect(formatQuantity(0)).toBe('0');
    expect(formatQuantity(12345)).toBe('12,345');
  });

  it('pluralises and humanises codes', () => {
    expect(plural(1, 'product')).toBe('1 product');
    expect(plural(2500, 'product')).toBe('2,500 products');
    expect(plural(2, 'quantity', 'quantities')).toBe('2 quantities');
    expect(humanize('sales_order')).toBe('Sales order');
  });
});

describe('linesToSend', () => {
  it('drops blank rows and keeps half-filled ones for the server to name', () => {
    expect(
      linesToSend([
        { sku: ' MUG ', quantity: '2' },
        { sku: '', quantity: '' },
        { sku: 'CUP', quantity: '' },
      ]),
    ).toEqual([
      { sku: 'MUG', quantity: 2 },
      { sku: 'CUP', quantity: Number.NaN },
    ]);
  });
});

describe('safeNext', () => {
  it('follows only paths inside the app after login', () => {
    expect(safeNext('/stores/1/products')).toBe('/stores/1/products');
    expect(safeNext('//evil.example.com')).toBe('/ecommerce');
    expect(safeNext('https://evil.example.com')).toBe('/ecommerce');
    expect(safeNext(undefined)).toBe('/ecommerce');
  });
});
