import { randomBytes } from 'node:crypto';
import { ERASED, InMemoryEventStore, InMemoryLearnerKeyTable, PersonalDataVault, SealingEventStore } from '@alliance/event-sourcing';
import { draft } from '../../domain/__fixtures__/credential.fixture';
import { ISSUANCE_SEALING_RULES } from '../../infrastructure/personal-data/issuance-sealing-rules';
import { ISSUANCE_AGGREGATES, IssuanceAggregates } from '../issuance-aggregates';
import { ERASURE_REASON, LearnerErasure } from './learner-erasure';
import { InMemoryLearnerAddressBook } from '../__fixtures__/in-memory-learner-address-book';
import { RecordingLearnerMail } from '../wallet/__fixtures__/recording-learner-mail';
import type { LearnerMessage } from '../ports/learner-mail.port';

const SYSTEM = { actor: { subject: 'issuance-process-manager', role: 'system' }, correlationId: 'erasure' };
const subject = {
  id: 'did:key:z6MkLearner',
  type: ['AchievementSubject'],
  identifier: [{ type: 'IdentityObject', identityType: 'name', identityHash: 'Ada Lovelace' }],
};

describe('learner erasure in issuance (real sealing store over an in-memory log)', () => {
  const setup = async () => {
    const raw = new InMemoryEventStore();
    const vault = new PersonalDataVault(new InMemoryLearnerKeyTable(), randomBytes(32));
    const aggregates = new IssuanceAggregates(new SealingEventStore(raw, vault, ISSUANCE_SEALING_RULES));
    const addresses = new InMemoryLearnerAddressBook();
    await addresses.add({ learnerId: 'learner-1', awardId: 'a1' }, 'ada@example.org');
    await addresses.add({ learnerId: 'learner-2', awardId: 'a2' }, 'grace@example.org');
    const mail = new RecordingLearnerMail();
    await mail.send(message('learner-1', 'ada@example.org'));
    await mail.send(message('learner-2', 'grace@example.org'));
    await aggregates.credential.handle('c1', { ...draft, document: { ...draft.document, credentialSubject: subject } }, SYSTEM);
    const pending = new Set(['c1']);
    const erasure = new LearnerErasure(
      vault,
      aggregates,
      {
        pendingCredentialsOfLearner: async (id) => (id === 'learner-1' ? [...pending] : []),
      },
      addresses,
      mail,
    );
    return { raw, vault, aggregates, erasure, addresses, mail };
  };

  it('stores the drafted document with the learner identifiers and DID sealed', async () => {
    const { raw, aggregates } = await setup();
    const stored = JSON.stringify(await raw.readStream(ISSUANCE_AGGREGATES.stream.credential('c1')));
    expect(stored).not.toMatch(/Lovelace|z6MkLearner/);
    expect(JSON.stringify((await aggregates.credential.load('c1')).state)).toContain('Ada Lovelace');
  });

  it("deletes the learner's key, addresses and kept mail, abandons the pending credential, and is a no-op when repeated", async () => {
    const { vault, aggregates, erasure, addresses, mail } = await setup();
    await erasure.erased({ learnerId: 'learner-1', erasedAt: '2026-02-01T00:00:00.000Z' }, SYSTEM);
    expect(await vault.hasKey('learner-1')).toBe(false);
    expect(await addresses.learnersAt('ada@example.org')).toEqual([]);
    expect(await addresses.learnersAt('grace@example.org')).toEqual([{ learnerId: 'learner-2', awardId: 'a2' }]);
    expect(mail.sent.map((m) => m.to)).toEqual(['grace@example.org']);
    const { state } = await aggregates.credential.load('c1');
    expect(state).toMatchObject({ lifecycle: 'revoked', document: { credentialSubject: { id: ERASED, identifier: ERASED } } });
    await expect(erasure.erased({ learnerId: 'learner-1', erasedAt: '2026-02-01T00:00:00.000Z' }, SYSTEM)).resolves.toBeUndefined();
    expect(ERASURE_REASON).toMatch(/erased/);
  });

  it('lets drafts in flight land before it looks for pending credentials, and only after the key is gone', async () => {
    const { vault, aggregates } = await setup();
    const seen: string[] = [];
    const erasure = new LearnerErasure(
      vault,
      aggregates,
      {
        pendingCredentialsOfLearner: async () => {
          seen.push('lookup');
          return [];
        },
      },
      new InMemoryLearnerAddressBook(),
      new RecordingLearnerMail(),
    );
    erasure.settleBeforeAbandoning(async () => {
      seen.push(`settle (key ${(await vault.hasKey('learner-1')) ? 'present' : 'gone'})`);
    });
    await erasure.erased({ learnerId: 'learner-1', erasedAt: '2026-02-01T00:00:00.000Z' }, SYSTEM);
    expect(seen).toEqual(['settle (key gone)', 'lookup']);
  });
});

function message(learnerId: string, to: string): LearnerMessage {
  return { kind: 'learner-sign-in-link', learnerId, to, subject: 'Sign in', text: 'https://learner.test/x', reference: `s-${learnerId}` };
}
