import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CsvSource, readCsvRecords } from '../src/uploads/csv-records.ts';

interface Read {
  records: [string[], number][];
  result: Awaited<ReturnType<typeof readCsvRecords>>;
}

async function read(source: CsvSource, stopAfter = Number.POSITIVE_INFINITY): Promise<Read> {
  const records: [string[], number][] = [];
  const result = await readCsvRecords(source, (fields, line) => {
    records.push([fields, line]);
    return records.length < stopAfter;
  });
  return { records, result };
}

/** The same content as a stream of one chunk: always read by csv-parse, never by the whole-file fast path. */
async function* streamed(chunk: string | Uint8Array): AsyncGenerator<string | Uint8Array> {
  yield chunk;
}

// Unquoted text with every kind of line break, the characters csv-parse trims or keeps, and non-ASCII.
const unquotedText = fc
  .array(
    fc.constantFrom('a', 'B', '7', '-', ',', ' ', '\t', '\f', '\v', '\u00a0', 'é', '€', '\n', '\r', '\r\n'),
    {
      maxLength: 60,
    },
  )
  .map((parts) => parts.join(''));

describe('readCsvRecords on a whole unquoted file (split, not csv-parse)', () => {
  it('gives the records, line numbers and hash csv-parse gives, for text and bytes', async () => {
    await fc.assert(
      fc.asyncProperty(unquotedText, fc.boolean(), async (text, bom) => {
        const full = bom ? `\ufeff${text}` : text;
        const bytes = new TextEncoder().encode(full);
        const reference = await read(streamed(full));
        expect(await read(full)).toEqual(reference);
        expect(await read(bytes)).toEqual(await read(streamed(bytes)));
      }),
      { numRuns: 500 },
    );
  });

  it('stops where the sink says, like csv-parse', async () => {
    const text = 'sku,quantity\nA,1\n\nB,2\nC,3\n';
    const fast = await read(text, 2);
    expect(fast).toEqual(await read(streamed(text), 2));
    expect(fast.records).toEqual([
      [['sku', 'quantity'], 1],
      [['A', '1'], 2],
    ]);
    expect(fast.result.stopped).toBe(true);
  });

  it('numbers lines across blank lines and every line break, trimming fields', async () => {
    const { records } = await read('\ufeffsku , quantity\r\n\r\n  A\t,\f1 \rB,2\n,,\nC,3');
    expect(records).toEqual([
      [['sku', 'quantity'], 1],
      [['A', '1'], 3],
      [['B', '2'], 4],
      [['C', '3'], 6],
    ]);
  });

  it('leaves quoted files, very long lines and invalid UTF-8 to the same answers as csv-parse', async () => {
    for (const text of ['sku,quantity\n"A, B",1\n', `sku\n${'x'.repeat(70_000)}\n`, 'sku\n"open\n']) {
      expect(await read(text)).toEqual(await read(streamed(text)));
    }
    const invalid = new Uint8Array([0x73, 0x6b, 0x75, 0x0a, 0xc3, 0x2c, 0xe2, 0x82, 0x0a, 0xff, 0x31]);
    expect(await read(invalid)).toEqual(await read(streamed(invalid)));
  });
});
