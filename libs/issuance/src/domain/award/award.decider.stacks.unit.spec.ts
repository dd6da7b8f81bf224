import { deciderSpecification } from '@alliance/event-sourcing';
import { stackSpec } from '../__fixtures__/specs.fixture';
import { awardDecider } from './award.decider';
import type { AwardEvent } from './award.events';

const spec = deciderSpecification(awardDecider);
const NOW = '2026-01-01T00:00:00.000Z';
const learner = { learnerId: 'learner-1', name: 'Ada Lovelace' };

describe('award process manager: stacks', () => {
  const stackBase = { spec: stackSpec, nextCredentialId: 'stack-cred', standing: {} };
  const stackOpened: AwardEvent = {
    type: 'AwardTrackOpened',
    data: { awardId: 'stk-1', learner, specId: 'spec-stack', specVersion: 1, openedAt: NOW },
  };
  const partJoint = { specId: 'spec-joint', credentialId: 'cred-1', awardedAt: NOW };
  const partC = { specId: 'spec-c', credentialId: 'cred-c', awardedAt: NOW };

  it('grants the stacked credential when the last part is awarded, whichever university awarded it', () => {
    spec
      .given([stackOpened, { type: 'StackPartRecorded', data: { awardId: 'stk-1', part: partJoint } }])
      .when({ type: 'RecordStackPart', awardId: 'stk-1', part: partC, ...stackBase })
      .then([
        { type: 'StackPartRecorded', data: { awardId: 'stk-1', part: partC } },
        {
          type: 'AwardGranted',
          data: { awardId: 'stk-1', credentialId: 'stack-cred', learner, specId: 'spec-stack', specVersion: 1, awardedAt: NOW, grades: [] },
        },
      ]);
  });

  it('rescinds the stack when a part is revoked', () => {
    spec
      .given([
        stackOpened,
        { type: 'StackPartRecorded', data: { awardId: 'stk-1', part: partJoint } },
        { type: 'StackPartRecorded', data: { awardId: 'stk-1', part: partC } },
        {
          type: 'AwardGranted',
          data: { awardId: 'stk-1', credentialId: 'stack-cred', learner, specId: 'spec-stack', specVersion: 1, awardedAt: NOW, grades: [] },
        },
      ])
      .when({ type: 'WithdrawStackPart', awardId: 'stk-1', specId: 'spec-c', credentialId: 'cred-c', reason: 'revoked', ...stackBase })
      .then([
        { type: 'StackPartWithdrawn', data: { awardId: 'stk-1', specId: 'spec-c', credentialId: 'cred-c', reason: 'revoked' } },
        {
          type: 'AwardRescinded',
          data: {
            awardId: 'stk-1',
            credentialId: 'stack-cred',
            reason: 'stack part spec-c no longer awarded: revoked; rule no longer met: stack-part-missing (spec-c)',
          },
        },
      ]);
  });

  it('keeps the stack when a part is replaced by its re-issued credential', () => {
    const reissued = { ...partJoint, credentialId: 'cred-2' };
    spec
      .given([
        stackOpened,
        { type: 'StackPartRecorded', data: { awardId: 'stk-1', part: partJoint } },
        { type: 'StackPartRecorded', data: { awardId: 'stk-1', part: partC } },
        {
          type: 'AwardGranted',
          data: { awardId: 'stk-1', credentialId: 'stack-cred', learner, specId: 'spec-stack', specVersion: 1, awardedAt: NOW, grades: [] },
        },
      ])
      .when({ type: 'RecordStackPart', awardId: 'stk-1', part: reissued, ...stackBase })
      .then([{ type: 'StackPartRecorded', data: { awardId: 'stk-1', part: reissued } }]);
  });
});
