import { describe, expect, it } from 'vitest';
import { toCsv } from '@/backend/csv';

describe('one CSV writer for every export', () => {
  it('quotes only the cells that need it (RFC 4180), with CRLF line ends', () => {
    expect(
      toCsv([
        ['a', 'b'],
        ['plain', 'with, comma'],
      ]),
    ).toBe('a,b\r\nplain,"with, comma"\r\n');
    expect(toCsv([['say "hi"', 'two\nlines', 'cr\rhere']])).toBe('"say ""hi""","two\nlines","cr\rhere"\r\n');
  });

  it('writes empty, missing and non-text values plainly', () => {
    expect(toCsv([['', null, undefined, 3, true, { a: 1 }]])).toBe(',,,3,true,"{""a"":1}"\r\n');
  });

  it.each(['=SUM(A1)', '+1', '-1+2', '@cmd', '\tx', '\rx', ' =x', '\n=x'])(
    'keeps %j as text, never a formula',
    (value) => {
      const cell = toCsv([[value]]).replace(/\r\n$/, '');
      const unquoted = cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell;
      expect(unquoted.startsWith("'")).toBe(true);
      expect(unquoted.slice(1)).toBe(value);
    },
  );
});
