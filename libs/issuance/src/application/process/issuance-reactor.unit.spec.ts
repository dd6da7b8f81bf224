import { ERASED, processManagerSpecification, type RecordedEvent } from '@alliance/event-sourcing';
import { jointSpec, stackSpec, UNI_A, UNI_B } from '../../domain/__fixtures__/specs.fixture';
import { issuanceProcess } from './__fixtures__/issuance-process.fixture';
import {
  ENROLMENT,
  enrolled,
  erased,
  LEARNER,
  membership,
  platformKeyOnboarded,
  resultAmended,
  resultRecorded,
  specPublished,
} from './__fixtures__/issuance-messages.fixture';
import { ERASURE_REASON } from './learner-erasure';
import { ISSUANCE_AGGREGATES } from '../issuance-aggregates';
import { pgliteReadModelForSpecs } from '../../__fixtures__/pglite-read-model.fixture';

// The whole process manager: learner and catalogue facts in, and its own log handed back to the reactor, as the
// service's subscription does. Every spec also delivers its message, and every event it followed, a second time
// and fails if that appends anything.

const onboarded = [platformKeyOnboarded(UNI_A), platformKeyOnboarded(UNI_B)];
const passedAll = [enrolled(), resultRecorded('SES-1', 8), resultRecorded('SES-2', 7)];
// What the first credential adds after its grant: the lead's status list and a slot in it, the draft, a proof per awarding body, the issue.
const credentialIssued = [
  { type: 'StatusListOpened', data: { institutionId: UNI_A } },
  { type: 'StatusSlotReserved' },
  {
    type: 'CredentialDrafted',
    data: {
      awardingBodies: [
        { institutionId: UNI_A, lead: true },
        { institutionId: UNI_B, lead: false },
      ],
    },
  },
  { type: 'CredentialProofAdded', data: { institutionId: UNI_A, method: 'automatic' } },
  { type: 'CredentialProofAdded', data: { institutionId: UNI_B, method: 'automatic' } },
  { type: 'CredentialIssued', data: { learnerId: LEARNER, awardingBodies: [UNI_A, UNI_B] } },
];
// The issued part moves the stack it belongs to: the learner's stack track opens and records it.
const stackMoved = [
  { type: 'AwardTrackOpened', data: { specId: 'spec-stack' } },
  { type: 'StackPartRecorded', data: { part: { specId: 'spec-joint' } } },
];
const of = (events: RecordedEvent[], type: string) => events.filter((e) => e.type === type);
const credentialIdOf = (e: RecordedEvent) => (e.data as { credentialId: string }).credentialId;

// PGlite and the first signing (context loading) take tens of seconds on a loaded 2-core machine.
jest.setTimeout(120_000);

describe('issuance process manager (facts -> award -> credential)', () => {
  const readModel = pgliteReadModelForSpecs();
  const spec = () => processManagerSpecification({ setUp: async () => (await issuanceProcess(readModel())).process });

  it('turns the last passed component into a drafted credential, signed by every awarding body, and issued', async () => {
    await spec()
      .given([...onboarded, enrolled(), resultRecorded('SES-1', 8)])
      .when(resultRecorded('SES-2', 7))
      .then({ events: [{ type: 'ComponentResultRecorded' }, { type: 'AwardGranted' }, ...credentialIssued, ...stackMoved] });
  });

  it('drafts and signs the credential it was granted for, and asks each awarding body once', async () => {
    await spec()
      .given([...onboarded, enrolled(), resultRecorded('SES-1', 8)])
      .when(resultRecorded('SES-2', 7))
      .thenEmitted(({ events, commands }) => {
        const granted = credentialIdOf(of(events, 'AwardGranted')[0]);
        expect(of(events, 'CredentialDrafted').map((e) => e.streamId)).toEqual([ISSUANCE_AGGREGATES.stream.credential(granted)]);
        expect(commands.filter((c) => (c as { command: { type: string } }).command.type === 'AddProofs')).toHaveLength(1);
        expect(of(events, 'CredentialProofAdded').map((e) => (e.data as { verificationMethod: string }).verificationMethod)).toEqual([
          'did:web:a.example#key-1',
          'did:web:b.example#key-1',
        ]);
      });
  });

  it('keeps the credential collecting proofs while an awarding body has no key, and issues it once that body can sign', async () => {
    await spec()
      .given([platformKeyOnboarded(UNI_A), ...passedAll])
      .when(platformKeyOnboarded(UNI_B))
      .then({
        events: [
          { type: 'SigningKeyGenerated', data: { institutionId: UNI_B } },
          { type: 'SigningPolicySet', data: { institutionId: UNI_B, policy: 'automatic' } },
          { type: 'RegisteredKeyLearned', data: { institutionId: UNI_B } },
          { type: 'CredentialProofAdded', data: { institutionId: UNI_B } },
          { type: 'CredentialIssued' },
          ...stackMoved,
        ],
      });
  });

  it('issues nothing for a failed component', async () => {
    await spec()
      .given([...onboarded, enrolled(), resultRecorded('SES-1', 8)])
      .when(resultRecorded('SES-2', 3))
      .then({ events: [{ type: 'ComponentResultRecorded', data: { result: { passed: false } } }] });
  });

  it('re-issues on an amended grade: a new credential supersedes the issued one, which is revoked', async () => {
    await spec()
      .given([...onboarded, ...passedAll])
      .when(resultAmended('SES-2', 9, 'exam re-marked'))
      .thenEmitted(async ({ events }, process) => {
        const [first] = of(await process.store.readStream(ISSUANCE_AGGREGATES.stream.award('enr-1')), 'AwardGranted').map(credentialIdOf);
        const regranted = of(events, 'AwardGranted')[0];
        expect(regranted.data).toMatchObject({ supersedes: first });
        const second = credentialIdOf(regranted);
        expect(events.map((e) => e.type)).toEqual([
          'ComponentResultRecorded',
          'AwardGranted',
          'StatusSlotReserved',
          'CredentialDrafted',
          'CredentialRevoked',
          'CredentialProofAdded',
          'CredentialProofAdded',
          'CredentialIssued',
          'StackPartRecorded',
        ]);
        expect(of(events, 'CredentialRevoked')[0]).toMatchObject({
          streamId: ISSUANCE_AGGREGATES.stream.credential(first),
          data: { supersededBy: second, wasIssued: true },
        });
        expect(of(events, 'CredentialIssued')[0].data).toMatchObject({ credentialId: second, supersedes: first });
        // The stack now rests on the re-issued credential.
        expect(of(events, 'StackPartRecorded')[0].data).toMatchObject({ part: { specId: 'spec-joint', credentialId: second } });
      });
  });

  it('revokes the issued credential when an amendment fails a component', async () => {
    await spec()
      .given([...onboarded, ...passedAll])
      .when(resultAmended('SES-1', 2, 'plagiarism found'))
      .then({
        events: [
          { type: 'ComponentResultRecorded' },
          { type: 'AwardRescinded' },
          { type: 'CredentialRevoked', data: { reason: expect.stringMatching(/^award rescinded: plagiarism found/), wasIssued: true } },
          { type: 'StackPartWithdrawn', data: { specId: 'spec-joint' } },
        ],
      });
  });

  it('abandons a credential still collecting proofs when the learner is erased, and keeps an issued one', async () => {
    await spec()
      .given([platformKeyOnboarded(UNI_A), ...passedAll])
      .when(erased())
      .then({ events: [{ type: 'CredentialRevoked', data: { reason: ERASURE_REASON, wasIssued: false } }] });
    await spec()
      .given([...onboarded, ...passedAll])
      .when(erased())
      .thenNothingHappened();
  });

  it("grants nothing it could name once the learner is erased, and can still read the learner's earlier facts", async () => {
    await spec()
      .given([...onboarded, enrolled(), resultRecorded('SES-1', 8), erased()])
      .when(resultRecorded('SES-2', 7))
      .thenEmitted(async ({ events }, process) => {
        expect(of(events, 'CredentialDrafted')).toEqual([]);
        for (const granted of of(events, 'AwardGranted')) expect(granted.data).toMatchObject({ learner: { name: ERASED } });
        const opened = of(await process.store.readStream(ISSUANCE_AGGREGATES.stream.award(ENROLMENT)), 'AwardTrackOpened');
        expect(opened.map((e) => e.data)).toMatchObject([{ learner: { learnerId: LEARNER, name: ERASED } }]);
      });
  });

  it("revokes an erased learner's issued credential when an amendment fails a component", async () => {
    await spec()
      .given([...onboarded, ...passedAll, erased()])
      .when(resultAmended('SES-1', 2, 'plagiarism found'))
      .then({
        events: [
          { type: 'ComponentResultRecorded' },
          { type: 'AwardRescinded' },
          { type: 'CredentialRevoked', data: { wasIssued: true } },
          { type: 'StackPartWithdrawn' },
        ],
      });
  });

  it('has nothing to revoke when an award granted after the erasure (and never issued) is rescinded', async () => {
    await spec()
      .given([...onboarded, enrolled(), resultRecorded('SES-1', 8), erased(), resultRecorded('SES-2', 7)])
      .when(resultAmended('SES-1', 2, 'plagiarism found'))
      .then({ events: [{ type: 'ComponentResultRecorded' }, { type: 'AwardRescinded' }] });
  });

  it('keeps the parts an erased learner holds readable when a stack containing them is learned', async () => {
    await processManagerSpecification({ setUp: async () => (await issuanceProcess(readModel(), { knownSpecs: [jointSpec] })).process })
      .given([...onboarded, ...passedAll, erased()])
      .when(specPublished(stackSpec))
      .thenEmitted(async ({ events }, process) => {
        expect(events.map((e) => e.type)).toEqual(['SpecVersionLearned', 'AwardTrackOpened', 'StackPartRecorded']);
        expect(events[1].data).toMatchObject({ specId: stackSpec.specId, learner: { learnerId: LEARNER, name: ERASED } });
        expect(of(await process.store.readStream(ISSUANCE_AGGREGATES.stream.award(ENROLMENT)), 'AwardTrackOpened')[0].data).toMatchObject({
          learner: { name: ERASED },
        });
      });
  });

  it('never completes a credential whose awarding body was removed while it waited for its proof', async () => {
    await spec()
      .given([platformKeyOnboarded(UNI_A), ...passedAll])
      .when(membership(UNI_B, 'removed', '2026-03-15T00:00:00.000Z', 'left the alliance'))
      .then({ events: [{ type: 'MembershipStatusLearned', data: { institutionId: UNI_B, status: 'removed' } }] });
  });

  it('holds the award while an awarding body is suspended, and issues it on reinstatement', async () => {
    await spec()
      .given([...onboarded, membership(UNI_B, 'suspended', '2026-02-15T00:00:00.000Z', 'dues unpaid'), ...passedAll])
      .when(membership(UNI_B, 'active', '2026-03-10T00:00:00.000Z'))
      .then({
        events: [
          { type: 'MembershipStatusLearned', data: { status: 'active' } },
          { type: 'AwardGranted' },
          ...credentialIssued,
          ...stackMoved,
        ],
      });
  });

  it('changes nothing when a fact it already acted on comes again', async () => {
    const last = resultRecorded('SES-2', 7);
    await spec()
      .given([...onboarded, enrolled(), resultRecorded('SES-1', 8), last])
      .when(last)
      .thenNothingHappened();
  });
});
