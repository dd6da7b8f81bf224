import { ERASED, type RecordedEvent } from '@alliance/event-sourcing';
import { InMemoryLearnerAddressBook } from '../__fixtures__/in-memory-learner-address-book';
import { LearnerMessages } from './learner-messages';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const event = (type: string, data: unknown) => ({ type, data, position: 1, streamId: 's', revision: 0 }) as unknown as RecordedEvent;

function setup() {
  const addresses = new InMemoryLearnerAddressBook();
  const sent: string[] = [];
  const messages = new LearnerMessages(
    {
      addresses,
      transactionCodes: { offered: async (o: { offerId: string }) => void sent.push(`code ${o.offerId}`) } as never,
      signInLinks: { requested: async (r: { signInId: string }) => void sent.push(`link ${r.signInId}`) } as never,
    },
    () => NOW,
  );
  return { messages, addresses, sent };
}

describe('LearnerMessages (mail senders recorded, not sent)', () => {
  it("notes a learner's address when a track opens, unless the learner was erased or gave none", async () => {
    const { messages, addresses } = setup();
    const learner = { learnerId: 'l1', name: 'Ada', email: 'ada@example.org' };
    await messages.react(event('AwardTrackOpened', { awardId: 'a1', learner }));
    await messages.react(event('AwardTrackOpened', { awardId: 'a2', learner: { learnerId: 'l2', name: ERASED, email: ERASED } }));
    await messages.react(event('AwardTrackOpened', { awardId: 'a3', learner: { learnerId: 'l3', name: 'No Mail' } }));
    expect(await addresses.learnersAt('ada@example.org')).toEqual([{ learnerId: 'l1', awardId: 'a1' }]);
    expect(addresses.entries.size).toBe(1);
  });

  it('mails a code or a link only while it can still be used', async () => {
    const { messages, sent } = setup();
    await messages.react(event('CredentialOffered', { offerId: 'o-open', expiresAt: '2026-05-01T11:00:00.000Z' }));
    await messages.react(event('CredentialOffered', { offerId: 'o-gone', expiresAt: '2026-05-01T09:59:59.000Z' }));
    await messages.react(event('LearnerSignInRequested', { signInId: 's-open', expiresAt: '2026-05-01T10:15:00.000Z' }));
    await messages.react(event('LearnerSignInRequested', { signInId: 's-gone', expiresAt: '2026-05-01T10:00:00.000Z' }));
    await messages.react(event('CredentialIssued', {}));
    expect(sent).toEqual(['code o-open', 'link s-open']);
    expect(messages.eventTypes.sort()).toEqual(['AwardTrackOpened', 'CredentialOffered', 'LearnerSignInRequested']);
  });
});
