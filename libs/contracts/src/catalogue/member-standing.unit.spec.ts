import { memberMayNotAct } from './member-standing';

describe('memberMayNotAct', () => {
  it.each(['pending', 'active', 'unknown', undefined])('lets a member %s act', (status) => {
    expect(memberMayNotAct('uni-a', status)).toBeUndefined();
  });

  it('refuses a suspended member until it is reinstated, and a removed one for good, naming the institution', () => {
    expect(memberMayNotAct('uni-a', 'suspended')).toEqual({
      rule: 'member-suspended',
      message: 'institution uni-a is suspended from the alliance: its staff may read but not act until it is reinstated',
    });
    expect(memberMayNotAct('uni-b', 'removed')).toEqual({
      rule: 'member-removed',
      message: 'institution uni-b has been removed from the alliance: it can no longer act',
    });
  });
});
