import { randomBytes } from 'node:crypto';
import { ERASED } from '@alliance/event-sourcing';
import { jointAward } from '../../domain/__fixtures__/credential.fixture';
import type { CredentialOffered } from '../../domain/wallet-offer/wallet-offer.events';
import { CREDENTIAL_ID, storeWithIssuedCredential } from '../__fixtures__/issued-credential.fixture';
import { RecordingLearnerMail } from './__fixtures__/recording-learner-mail';
import { OfferCodes } from './offer-codes';
import { TransactionCodeMail } from './transaction-code-mail';

const system = { actor: { subject: 'issuance-process-manager', role: 'system' }, correlationId: 'seed' };
const offered = (txCode = true): CredentialOffered['data'] => ({
  offerId: '0190f5a0-0000-7000-8000-00000000a001',
  credentialId: CREDENTIAL_ID,
  learnerId: 'learner-1',
  configurationIds: ['LearningCredential_dc+sd-jwt'],
  ...(txCode ? { txCode: { length: 6, inputMode: 'numeric' as const } } : {}),
  offeredAt: '2026-05-01T10:00:00.000Z',
  expiresAt: '2026-05-04T10:00:00.000Z',
  offeredBy: { subject: 'learner-1', role: 'learner' },
});

async function harness(learner: { name: string; email?: string }) {
  const { aggregates } = await storeWithIssuedCredential();
  await aggregates.award.handle(
    jointAward.awardId,
    {
      type: 'OpenAwardTrack',
      awardId: jointAward.awardId,
      learner: { learnerId: 'learner-1', ...learner },
      specId: jointAward.specId,
      specVersion: jointAward.specVersion,
      nextCredentialId: CREDENTIAL_ID,
      standing: {},
    },
    system,
  );
  const codes = new OfferCodes(randomBytes(32));
  const mail = new RecordingLearnerMail();
  return { codes, mail, sender: new TransactionCodeMail(aggregates, codes, mail) };
}

describe('the transaction code of a wallet offer', () => {
  it("is mailed to the learner's address, the code that redeems the offer, the same on a repeat", async () => {
    const { codes, mail, sender } = await harness({ name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(await sender.offered(offered())).toBe('sent');
    await sender.offered(offered());
    expect(mail.sent).toHaveLength(2);
    const [first, again] = mail.sent;
    expect(first).toMatchObject({
      kind: 'wallet-offer-transaction-code',
      to: 'ada@example.org',
      learnerId: 'learner-1',
      reference: offered().offerId,
    });
    const code = /code is (\d{6})\./.exec(first.text)?.[1];
    expect(code && codes.txCodeMatches(offered().offerId, 6, code)).toBe(true);
    expect(again.text).toBe(first.text);
  });

  it('is not sent when none was asked, when the learner has no address, or was erased', async () => {
    const withAddress = await harness({ name: 'Ada Lovelace', email: 'ada@example.org' });
    expect(await withAddress.sender.offered(offered(false))).toBe('no-code-asked');
    const noAddress = await harness({ name: 'Ada Lovelace' });
    expect(await noAddress.sender.offered(offered())).toBe('no-address');
    const erased = await harness({ name: ERASED, email: ERASED });
    expect(await erased.sender.offered(offered())).toBe('learner-erased');
    expect([...withAddress.mail.sent, ...noAddress.mail.sent, ...erased.mail.sent]).toEqual([]);
  });
});
