import { deciderSpecification } from '@alliance/event-sourcing';
import { learner, NOW } from '../__fixtures__/award.fixture';
import { stackSpec } from '../__fixtures__/specs.fixture';
import { awardDecider } from './award.decider';
import type { AwardedPart } from './award-inputs';
import type { AwardEvent } from './award.events';

const spec = deciderSpecification(awardDecider);

describe('award process manager: stacks', () => {
  const stackBase = { spec: stackSpec, nextCredentialId: 'stack-cred', standing: {} };
  const stackOpened: AwardEvent = {
    type: 'AwardTrackOpened',
    data: { awardId: 'stk-1', learner, specId: 'spec-stack', specVersion: 1, openedAt: NOW },
  };
  const partJoint = { specId: 'spec-joint', credentialId: 'cred-1', awardedAt: NOW };
  const partC = { specId: 'spec-c', credentialId: 'cred-c', awardedAt: NOW };
  const partRecorded = (part: AwardedPart): AwardEvent => ({ type: 'StackPartRecorded', data: { awardId: 'stk-1', part } });
  const stackGranted: AwardEvent = {
    type: 'AwardGranted',
    data: { awardId: 'stk-1', credentialId: 'stack-cred', learner, specId: 'spec-stack', specVersion: 1, awardedAt: NOW, grades: [] },
  };

  it('grants the stacked credential when the last part is awarded, whichever university awarded it', () => {
    spec
      .given([stackOpened, partRecorded(partJoint)])
      .when({ type: 'RecordStackPart', awardId: 'stk-1', part: partC, ...stackBase })
      .then([partRecorded(partC), stackGranted]);
  });

  it('rescinds the stack when a part is revoked', () => {
    spec
      .given([stackOpened, partRecorded(partJoint), partRecorded(partC), stackGranted])
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
      .given([stackOpened, partRecorded(partJoint), partRecorded(partC), stackGranted])
      .when({ type: 'RecordStackPart', awardId: 'stk-1', part: reissued, ...stackBase })
      .then([partRecorded(reissued)]);
  });
});
