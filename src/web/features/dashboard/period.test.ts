// The period in the address: a new period replaces the period's keys and keeps the other parameters in their order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readChoice, withChoice } from './period.ts';

describe('withChoice', () => {
  it('replaces the period and keeps the unit filter and the grouping', () => {
    const params = new URLSearchParams('ky=custom&nam=2026&tu=2026-01-05&den=2026-02-01&donVi=00004&theo=linh-vuc');
    const choice = { ...readChoice(params, '2026-12-02'), kind: 'month' as const, month: 12 };
    assert.equal(withChoice(params, choice).toString(), 'ky=month&nam=2026&thang=12&donVi=00004&theo=linh-vuc');
  });

  it('adds the period to an address without one', () => {
    const params = new URLSearchParams('donVi=01');
    assert.equal(withChoice(params, readChoice(params, '2026-12-02')).toString(), 'ky=year&nam=2026&donVi=01');
  });
});
