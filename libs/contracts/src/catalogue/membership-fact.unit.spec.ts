import { membershipFactApplies } from './institution-events';

describe('which membership fact a consumer keeps', () => {
  it('takes the first fact, and a newer or same-instant one', () => {
    expect(membershipFactApplies(undefined, '2026-01-01T00:00:00.000Z')).toBe(true);
    expect(membershipFactApplies({ status: 'active', since: '2026-01-01T00:00:00.000Z' }, '2026-02-01T00:00:00.000Z')).toBe(true);
    expect(membershipFactApplies({ status: 'suspended', since: '2026-02-01T00:00:00.000Z' }, '2026-02-01T00:00:00.000Z')).toBe(true);
  });

  it('never lets a late, older fact overwrite a newer one, and never revives a removed member', () => {
    expect(membershipFactApplies({ status: 'suspended', since: '2026-02-01T00:00:00.000Z' }, '2026-01-01T00:00:00.000Z')).toBe(false);
    expect(membershipFactApplies({ status: 'removed', since: '2026-02-01T00:00:00.000Z' }, '2026-03-01T00:00:00.000Z')).toBe(false);
  });
});
