import { processManagerSpecification } from '@alliance/event-sourcing';
import { jointGrades, jointSpec, UNI_A, UNI_B } from '../../domain/__fixtures__/specs.fixture';
import { issuanceProcess } from './__fixtures__/issuance-process.fixture';
import { ENROLMENT, enrolled, membership, resultAmended, resultRecorded, withdrawn } from './__fixtures__/issuance-messages.fixture';
import { ISSUANCE_AGGREGATES } from '../issuance-aggregates';
import { pgliteReadModelForSpecs } from '../../__fixtures__/pglite-read-model.fixture';

// The award side alone (no reactions to its own log): what a learner's facts make the award track decide.
// Every spec also delivers its message a second time and fails if that appends anything.

const AWARD = ISSUANCE_AGGREGATES.stream.award(ENROLMENT);

// PGlite and the first signing (context loading) take tens of seconds on a loaded 2-core machine.
jest.setTimeout(120_000);

describe('award process (learner facts -> award track)', () => {
  const readModel = pgliteReadModelForSpecs();
  const spec = () => processManagerSpecification({ setUp: async () => (await issuanceProcess(readModel(), { follow: false })).process });

  it('opens the track on enrolment, on the definition version the learner enrolled in', async () => {
    await spec()
      .given([])
      .when(enrolled())
      .then({
        events: [
          {
            type: 'AwardTrackOpened',
            streamId: AWARD,
            data: { awardId: ENROLMENT, specId: jointSpec.specId, specVersion: 1, learner: { name: 'Ada Lovelace' } },
          },
        ],
        commands: [
          {
            aggregate: 'award',
            streamId: AWARD,
            command: { type: 'OpenAwardTrack', spec: { specId: jointSpec.specId }, standing: { [UNI_A]: 'active', [UNI_B]: 'active' } },
          },
        ],
      });
  });

  it('grants the award when the last component is passed, with every grade', async () => {
    await spec()
      .given([enrolled(), resultRecorded('SES-1', 8)])
      .when(resultRecorded('SES-2', 7))
      .then({
        events: [
          { type: 'ComponentResultRecorded', data: { result: { componentCode: 'SES-2', passed: true, grade: 7 } } },
          {
            type: 'AwardGranted',
            streamId: AWARD,
            data: { awardId: ENROLMENT, specId: jointSpec.specId, grades: jointGrades(8, 7), learner: { learnerId: 'learner-1' } },
          },
        ],
        commands: [{ aggregate: 'award', command: { type: 'RecordComponentResult', result: { componentCode: 'SES-2' } } }],
      });
  });

  it('records a failed component and grants nothing', async () => {
    await spec()
      .given([enrolled(), resultRecorded('SES-1', 8)])
      .when(resultRecorded('SES-2', 3))
      .then({ events: [{ type: 'ComponentResultRecorded', data: { result: { componentCode: 'SES-2', passed: false } } }] });
  });

  it('grants nothing below the minimum grade even when every component is passed', async () => {
    await spec()
      .given([enrolled(), resultRecorded('SES-1', 8)])
      .when(resultRecorded('SES-2', 5))
      .then({ events: [{ type: 'ComponentResultRecorded', data: { result: { passed: true, grade: 5 } } }] });
  });

  it('takes results that overtook the enrolment, and grants once the enrolment arrives', async () => {
    await spec()
      .given([resultRecorded('SES-1', 8), resultRecorded('SES-2', 7)])
      .when(enrolled())
      .then({ events: [{ type: 'AwardTrackOpened' }, { type: 'AwardGranted', data: { grades: jointGrades(8, 7) } }] });
  });

  it('re-grants on an amended grade after the award: the new credential supersedes the first and keeps its award date', async () => {
    await spec()
      .given([enrolled(), resultRecorded('SES-1', 8), resultRecorded('SES-2', 7)])
      .when(resultAmended('SES-2', 9, 'exam re-marked'))
      .thenEmitted(async ({ events }, process) => {
        const [first] = (await process.store.readStream(AWARD)).filter((e) => e.type === 'AwardGranted');
        const firstData = first.data as { credentialId: string; awardedAt: string };
        expect(events.map((e) => e.type)).toEqual(['ComponentResultRecorded', 'AwardGranted']);
        expect(events[1].data).toMatchObject({
          supersedes: firstData.credentialId,
          awardedAt: firstData.awardedAt,
          reason: 'exam re-marked',
          grades: jointGrades(8, 9),
        });
        expect((events[1].data as { credentialId: string }).credentialId).not.toBe(firstData.credentialId);
      });
  });

  it('rescinds the award when an amendment fails a component', async () => {
    await spec()
      .given([enrolled(), resultRecorded('SES-1', 8), resultRecorded('SES-2', 7)])
      .when(resultAmended('SES-1', 2, 'plagiarism found'))
      .then({
        events: [
          { type: 'ComponentResultRecorded' },
          {
            type: 'AwardRescinded',
            data: { reason: expect.stringMatching(/^plagiarism found; rule no longer met: component-failed \(SES-1\)$/) },
          },
        ],
      });
  });

  it('waits while an awarding body is suspended or removed: the rule is met but nothing is granted', async () => {
    for (const status of ['suspended', 'removed'] as const) {
      await spec()
        .given([membership(UNI_B, status, '2026-02-15T00:00:00.000Z', 'dues unpaid'), enrolled(), resultRecorded('SES-1', 8)])
        .when(resultRecorded('SES-2', 7))
        .then({
          events: [{ type: 'ComponentResultRecorded' }],
          commands: [{ command: { type: 'RecordComponentResult', standing: { [UNI_A]: 'active', [UNI_B]: status } } }],
        });
    }
  });

  it('closes the track on withdrawal; results after it are recorded but grant nothing', async () => {
    await spec()
      .given([enrolled(), resultRecorded('SES-1', 8)])
      .when(withdrawn())
      .then({ events: [{ type: 'AwardTrackClosed', data: { reason: 'withdrawn: moved abroad' } }] });
    await spec()
      .given([enrolled(), resultRecorded('SES-1', 8), withdrawn()])
      .when(resultRecorded('SES-2', 7))
      .then({ events: [{ type: 'ComponentResultRecorded' }] });
  });

  it('leaves a withdrawal that overtook the enrolment to be delivered again', async () => {
    await spec()
      .given([])
      .when(withdrawn())
      .thenThrows(/award track enr-1 is not known yet; the message will be retried/);
  });

  it('decides nothing on a result delivered again after the award', async () => {
    const last = resultRecorded('SES-2', 7);
    await spec()
      .given([enrolled(), resultRecorded('SES-1', 8), last])
      .when(last)
      .thenNothingHappened();
  });
});
