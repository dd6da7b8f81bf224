import { mayRead, readScopeOf } from './read-access';
import type { CommandActor } from './base.command';

const actor = (role: string, institution?: string, subject = `${role}@x`): CommandActor =>
  ({ role, subject, ...(institution ? { institution } : {}) }) as CommandActor;
const atAau = { institutionId: 'inst-aau', learnerId: 'l1' };

describe('who reads which enrolment', () => {
  it('the alliance-admin and the auditor read every enrolment', () => {
    expect(mayRead(actor('alliance-admin'), atAau)).toBe(true);
    expect(mayRead(actor('auditor'), atAau)).toBe(true);
    expect(readScopeOf(actor('auditor'))).toEqual({ all: true });
  });

  it("institution staff read their own institution's enrolments only", () => {
    expect(mayRead(actor('registrar', 'inst-aau'), atAau)).toBe(true);
    expect(mayRead(actor('institution-admin', 'inst-aau'), atAau)).toBe(true);
    expect(mayRead(actor('registrar', 'inst-dcu'), atAau)).toBe(false);
    expect(mayRead(actor('institution-admin', 'inst-dcu'), atAau)).toBe(false);
  });

  it('a learner reads their own; staff without an institution and any other role read nothing', () => {
    expect(mayRead(actor('learner', undefined, 'l1'), atAau)).toBe(true);
    expect(mayRead(actor('learner', undefined, 'l2'), atAau)).toBe(false);
    expect(mayRead(actor('registrar'), atAau)).toBe(false);
    expect(mayRead(actor('system'), atAau)).toBe(false);
  });
});
