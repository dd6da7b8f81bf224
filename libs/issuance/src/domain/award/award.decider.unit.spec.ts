import { deciderSpecification } from '@alliance/event-sourcing';
import { enrolmentTrack, granted, learner, NOW, opened, recorded } from '../__fixtures__/award.fixture';
import { jointGrades, jointSpec, result } from '../__fixtures__/specs.fixture';
import { awardDecider } from './award.decider';
import type { AwardEvent } from './award.events';

const spec = deciderSpecification(awardDecider);
const base = { spec: jointSpec, nextCredentialId: 'cred-1', standing: {} };
const openOnEnrolment = { type: 'OpenAwardTrack' as const, ...enrolmentTrack, ...base };

describe('award process manager', () => {
  it('opens a track for an enrolment', () => {
    spec.given([]).when(openOnEnrolment).then([opened]);
  });

  it('ignores a second enrolment message for the same track', () => {
    spec
      .given([opened])
      .when({ type: 'OpenAwardTrack', awardId: 'enr-1', learner, specId: 'spec-joint', specVersion: 1, ...base })
      .thenNothingHappened();
  });

  it('records a first result without granting anything', () => {
    spec
      .given([opened])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: result('SES-1', 8), ...base })
      .then([recorded(result('SES-1', 8))]);
  });

  it('grants the award when the last component is passed', () => {
    spec
      .given([opened, recorded(result('SES-1', 8))])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: result('SES-2', 7), ...base })
      .then([recorded(result('SES-2', 7)), granted('cred-1')]);
  });

  it('does nothing when the same result is delivered twice', () => {
    spec
      .given([opened, recorded(result('SES-1', 8))])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: result('SES-1', 8), ...base })
      .thenNothingHappened();
  });

  it('re-issues on an amended grade, superseding the credential and keeping the award date', () => {
    const amended = { ...result('SES-2', 9), amendmentReason: 'marking error corrected' };
    spec
      .given([opened, recorded(result('SES-1', 8)), recorded(result('SES-2', 7)), granted('cred-1')])
      .when(
        { type: 'RecordComponentResult', awardId: 'enr-1', result: amended, ...base, nextCredentialId: 'cred-2' },
        { now: new Date('2026-02-01T00:00:00.000Z') },
      )
      .then([recorded(amended), granted('cred-2', jointGrades(8, 9), { supersedes: 'cred-1', reason: 'marking error corrected' })]);
  });

  it('rescinds the award when an amendment fails a component', () => {
    const failed = { ...result('SES-2', 3, undefined, false), amendmentReason: 'plagiarism confirmed' };
    spec
      .given([opened, recorded(result('SES-1', 8)), recorded(result('SES-2', 7)), granted('cred-1')])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: failed, ...base, nextCredentialId: 'cred-2' })
      .then([
        recorded(failed),
        {
          type: 'AwardRescinded',
          data: { awardId: 'enr-1', credentialId: 'cred-1', reason: 'plagiarism confirmed; rule no longer met: component-failed (SES-2)' },
        },
      ]);
  });

  it('records an amendment that changes nothing on the credential without re-issuing', () => {
    const sameGrade = { ...result('SES-2', 7, '2026-03-02T10:00:00.000Z'), amendmentReason: 'date corrected' };
    spec
      .given([opened, recorded(result('SES-1', 8)), recorded(result('SES-2', 7)), granted('cred-1')])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: sameGrade, ...base })
      .then([recorded(sameGrade)]);
  });

  it('keeps results that arrive before the enrolment, and evaluates them when the track opens', () => {
    const early: AwardEvent = { type: 'ComponentResultRecorded', data: { awardId: 'enr-1', result: result('SES-1', 8) } };
    spec
      .given([])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: result('SES-1', 8), ...base })
      .then([early]);
    spec
      .given([early, recorded(result('SES-2', 7))])
      .when(openOnEnrolment)
      .then([opened, granted('cred-1')]);
  });

  it('records without deciding while the definition is not known yet, and decides once it is', () => {
    spec
      .given([opened, recorded(result('SES-1', 8))])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: result('SES-2', 7), nextCredentialId: 'cred-1', standing: {} })
      .then([recorded(result('SES-2', 7))]);
    spec
      .given([opened, recorded(result('SES-1', 8)), recorded(result('SES-2', 7))])
      .when({ type: 'EvaluateAward', awardId: 'enr-1', ...base })
      .then([granted('cred-1')]);
  });

  it('refuses to evaluate or close a track it does not follow', () => {
    spec
      .given([])
      .when({ type: 'EvaluateAward', awardId: 'enr-9', ...base })
      .thenThrows('issuance.award.track-unknown');
  });

  it('closes a track without award when the learner withdraws, and then grants nothing', () => {
    const closed: AwardEvent = { type: 'AwardTrackClosed', data: { awardId: 'enr-1', reason: 'withdrawn', closedAt: NOW } };
    spec.given([opened]).when({ type: 'CloseAwardTrack', awardId: 'enr-1', reason: 'withdrawn' }).then([closed]);
    spec
      .given([opened, closed, recorded(result('SES-1', 8))])
      .when({ type: 'RecordComponentResult', awardId: 'enr-1', result: result('SES-2', 8), ...base })
      .then([recorded(result('SES-2', 8))]);
  });

  it('keeps an awarded track open when the enrolment completes', () => {
    spec
      .given([opened, granted('cred-1', [])])
      .when({ type: 'CloseAwardTrack', awardId: 'enr-1', reason: 'completed' })
      .thenNothingHappened();
  });

  it('follows a transfer to another version and evaluates the shared components there', () => {
    const v2 = { ...jointSpec, version: 2 };
    spec
      .given([opened, recorded(result('SES-1', 8)), recorded(result('SES-2', 7))])
      .when({
        type: 'TransferAwardTrack',
        awardId: 'enr-1',
        specId: 'spec-joint',
        specVersion: 2,
        reason: 'moved to v2',
        spec: v2,
        nextCredentialId: 'cred-1',
        standing: {},
      })
      .then([
        { type: 'AwardTrackTransferred', data: { awardId: 'enr-1', specId: 'spec-joint', specVersion: 2, reason: 'moved to v2' } },
        granted('cred-1', jointGrades(8, 7), { specVersion: 2 }),
      ]);
  });
});
