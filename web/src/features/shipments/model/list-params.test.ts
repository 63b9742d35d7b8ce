import { describe, expect, it } from 'vitest';

import { readListParams, toApiQuery, writeListParams } from './list-params';

describe('analytics criteria in the list URL', () => {
  it('passes the criteria an analytics figure links with to the API unchanged and keeps them in the URL', () => {
    const search = new URLSearchParams(
      'ataFrom=2026-09-02T00:00:00Z&ataTo=2026-12-01T00:00:00Z&onTime=false&compliance=non_compliant&buyer=b-1',
    );
    const params = readListParams(search);
    expect(params.facts).toEqual({
      ataFrom: '2026-09-02T00:00:00Z',
      ataTo: '2026-12-01T00:00:00Z',
      onTime: 'false',
      compliance: 'non_compliant',
    });
    expect(toApiQuery(params)).toMatchObject({ ataFrom: '2026-09-02T00:00:00Z', onTime: 'false', buyer: 'b-1' });
    expect(writeListParams(params).get('compliance')).toBe('non_compliant');
  });

  it('keeps an ETA window to the second as given, and whole-day ETA dates as the filter panel does', () => {
    const instants = readListParams(new URLSearchParams('etaFrom=2026-11-30T00:00:00Z&etaTo=2026-12-07T00:00:00Z'));
    expect(instants.etaFrom).toBe('');
    expect(toApiQuery(instants)).toMatchObject({ etaFrom: '2026-11-30T00:00:00Z', etaTo: '2026-12-07T00:00:00Z' });

    const days = readListParams(new URLSearchParams('etaFrom=2026-11-30'));
    expect(days.facts).toBeUndefined();
    expect(toApiQuery(days).etaFrom).toBe('2026-11-30T00:00:00Z');
  });

  it('drops criteria with unexpected characters instead of sending them on', () => {
    expect(readListParams(new URLSearchParams('compliance=a%20b&onTime=<x>')).facts).toBeUndefined();
  });
});
