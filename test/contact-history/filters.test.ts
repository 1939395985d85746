import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { ContactFilters } from '@/shared/contact-history/rules';
import { filterFields, parseFilters, type FilterField, type RawFilters } from '@/features/contact-history/rules';
import { contactFiltersSchema } from '@/shared/contact-history/schemas';

// What the API's schema says about the same values (the page's reading before issue 12).
function bySchema(raw: RawFilters) {
  const present = Object.fromEntries(Object.entries(raw).filter(([, v]) => v));
  const result = contactFiltersSchema.safeParse(present);
  if (result.success) return { filters: result.data, invalid: [] };
  const invalid = [...new Set(result.error.issues.map((i) => String(i.path[0] ?? '')))].filter((f): f is FilterField =>
    (filterFields as readonly string[]).includes(f),
  );
  return { filters: null, invalid };
}

describe('contact history filters without zod (parseFilters)', () => {
  it('accepts valid filters, drops empty values and keeps the fields in order', () => {
    expect(parseFilters({})).toEqual({ filters: {}, invalid: [] });
    const result = parseFilters({ to: '2026-03-31', from: '2026-03-01', broken: 'true', kind: '', channel: 'sms' });
    expect(result).toEqual({
      filters: { channel: 'sms', broken: 'true', from: '2026-03-01', to: '2026-03-31' },
      invalid: [],
    });
    expect(Object.keys(result.filters!)).toEqual(['channel', 'broken', 'from', 'to']);
    expect(parseFilters({ kind: 'service', broken: 'false', from: '2024-02-29', to: '2024-02-29' })).toEqual({
      filters: { kind: 'service', broken: 'false', from: '2024-02-29', to: '2024-02-29' },
      invalid: [],
    });
  });

  it.each<[RawFilters, FilterField[]]>([
    [{ channel: 'fax' }, ['channel']],
    [{ kind: 'spam' }, ['kind']],
    [{ broken: 'yes' }, ['broken']],
    [{ from: '1 March' }, ['from']],
    [{ from: '2026-02-30' }, ['from']],
    [{ to: '2026-13-01' }, ['to']],
    [{ to: '2026' }, ['to']],
    [{ channel: 'fax', kind: 'spam', broken: 'no', from: 'x', to: 'y' }, ['channel', 'kind', 'broken', 'from', 'to']],
  ])('names the wrong field: %j', (raw, invalid) => {
    expect(parseFilters(raw)).toEqual({ filters: null, invalid });
  });

  it('reports the end date when it is before the start date', () => {
    expect(parseFilters({ from: '2026-03-02', to: '2026-03-01' })).toEqual({ filters: null, invalid: ['to'] });
    expect(parseFilters({ channel: 'sms', from: '2026-03-02', to: '2026-03-01' })).toEqual({
      filters: null,
      invalid: ['to'],
    });
  });

  it('agrees with the API schema, field for field', () => {
    expectTypeOf<z.output<typeof contactFiltersSchema>>().toEqualTypeOf<ContactFilters>();
    const values: Record<FilterField, (string | undefined)[]> = {
      channel: [undefined, '', 'email', 'phone', 'fax'],
      kind: [undefined, 'marketing', 'spam'],
      broken: [undefined, 'true', 'TRUE'],
      from: [undefined, '2026-03-02', '2026-02-30', '2026', 'abc'],
      to: [undefined, '', '2026-03-01', '2026-03-03', '2026-3-3'],
    };
    let cases = [{}] as RawFilters[];
    for (const field of filterFields)
      cases = cases.flatMap((raw) => values[field].map((v) => (v === undefined ? raw : { ...raw, [field]: v })));
    expect(cases.length).toBe(5 * 3 * 3 * 5 * 5);
    for (const raw of cases) expect(parseFilters(raw), JSON.stringify(raw)).toEqual(bySchema(raw));
  });

  it('refuses an unknown key as the strict schema does, without naming a field', () => {
    const raw = { channel: 'sms', page: '2' } as RawFilters;
    expect(parseFilters(raw)).toEqual({ filters: null, invalid: [] });
    expect(parseFilters(raw)).toEqual(bySchema(raw));
  });
});
