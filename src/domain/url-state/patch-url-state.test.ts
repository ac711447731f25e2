import { describe, expect, it } from 'vitest';
import { patchUrlState } from './patch-url-state';
import { DEFAULT_URL_STATE } from './url-state-schema';

const open = { ...DEFAULT_URL_STATE, view: 'matrix' as const, claim: 'deal', cell: 'ibtimes' };

describe('patchUrlState', () => {
  it('closes the open cell when another claim is chosen without a cell', () => {
    expect(patchUrlState(open, { claim: 'delay' })).toMatchObject({ claim: 'delay', cell: null });
  });

  it('closes the open cell when the claim is closed', () => {
    expect(patchUrlState(open, { claim: null }).cell).toBeNull();
  });

  it('keeps the cell while the claim stays, and takes the one a patch names', () => {
    expect(patchUrlState(open, { view: 'sources' }).cell).toBe('ibtimes');
    expect(patchUrlState(open, { claim: 'delay', cell: 'inn' })).toMatchObject({ claim: 'delay', cell: 'inn' });
  });
});
