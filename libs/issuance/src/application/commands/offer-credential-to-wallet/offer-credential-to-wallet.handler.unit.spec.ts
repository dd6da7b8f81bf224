import { randomBytes } from 'node:crypto';
import { jointAward } from '../../../domain/__fixtures__/credential.fixture';
import { UNI_A, UNI_B } from '../../../domain/__fixtures__/specs.fixture';
import { WALLET_CONFIGURATIONS } from '../../../domain/wallet-offer/wallet-offer.rules';
import { adminOf, CREDENTIAL_ID, storeWithIssuedCredential } from '../../__fixtures__/issued-credential.fixture';
import { learnInstitution, learnStanding } from '../../__fixtures__/known-institution.fixture';
import { KnowledgeReader } from '../../knowledge/knowledge-reader';
import { OfferCodes } from '../../wallet/offer-codes';
import { OfferCredentialToWalletCommand } from './offer-credential-to-wallet.command';
import { DEFAULT_OFFER_TTL_SECONDS, OfferCredentialToWalletHandler } from './offer-credential-to-wallet.handler';

const SYSTEM = { actor: { subject: 'catalogue', role: 'system' }, correlationId: 'seed' };
const learner = { subject: 'learner-1', role: 'learner' };

async function harness(learnerEmail = 'ada@example.org') {
  const { aggregates } = await storeWithIssuedCredential();
  await aggregates.award.handle(
    jointAward.awardId,
    {
      type: 'OpenAwardTrack',
      awardId: jointAward.awardId,
      learner: { learnerId: 'learner-1', name: 'Ada Lovelace', ...(learnerEmail ? { email: learnerEmail } : {}) },
      specId: jointAward.specId,
      specVersion: jointAward.specVersion,
      nextCredentialId: CREDENTIAL_ID,
      standing: {},
    },
    SYSTEM,
  );
  const knowledge = new KnowledgeReader(aggregates, 0);
  const codes = new OfferCodes(randomBytes(32));
  const offer = async (actor: { subject: string; role: string; institution?: string }, extra: Record<string, unknown> = {}) =>
    new OfferCredentialToWalletHandler(aggregates, knowledge, codes).execute(
      OfferCredentialToWalletCommand.create({ credentialId: CREDENTIAL_ID, actor, correlationId: 'c', ...extra }),
    );
  return { aggregates, codes, offer };
}

describe('offering a credential to a wallet', () => {
  it('lets the learner offer their own credential in both configurations, with a code that names the offer', async () => {
    const { aggregates, codes, offer } = await harness();
    const made = await offer(learner);
    expect(made.configurationIds).toEqual(Object.values(WALLET_CONFIGURATIONS));
    expect(made.txCode).toEqual({ length: 6, inputMode: 'numeric' });
    expect(codes.offerOf(made.preAuthorizedCode)).toBe(made.offerId);
    const { state } = await aggregates.walletOffer.load(made.offerId);
    expect(state).toMatchObject({ credentialId: CREDENTIAL_ID, learnerId: 'learner-1', stage: 'offered' });
    expect(Date.parse(made.expiresAt) - Date.parse(state!.offeredAt)).toBe(DEFAULT_OFFER_TTL_SECONDS * 1000);
  });

  it('lets a registrar of an awarding body offer one configuration without a transaction code', async () => {
    const { offer } = await harness();
    const made = await offer(
      { subject: 'r', role: 'registrar', institution: UNI_B },
      { configurationIds: [WALLET_CONFIGURATIONS.learningCredential], txCode: false, ttlSeconds: 600 },
    );
    expect(made.configurationIds).toEqual([WALLET_CONFIGURATIONS.learningCredential]);
    expect(made.txCode).toBeUndefined();
  });

  it('answers another learner, staff of another institution and an auditor as if the credential did not exist', async () => {
    const { offer } = await harness();
    for (const actor of [
      { subject: 'learner-2', role: 'learner' },
      { subject: 'r', role: 'registrar', institution: 'uni-z' },
      { subject: 'a', role: 'auditor' },
      { subject: 'x', role: 'alliance-admin' },
    ]) {
      await expect(offer(actor)).rejects.toMatchObject({ status: 404, code: 'issuance.credential-not-found' });
    }
  });

  it('refuses an unknown configuration (422 naming the field) and staff of a suspended awarding body (403)', async () => {
    const { aggregates, offer } = await harness();
    await expect(offer(adminOf(UNI_A), { configurationIds: ['mso_mdoc'] })).rejects.toMatchObject({
      status: 422,
      field: 'configurationIds',
    });
    await learnInstitution(aggregates, UNI_A);
    await learnStanding(aggregates, UNI_A, 'suspended');
    await expect(offer(adminOf(UNI_A))).rejects.toMatchObject({ status: 403, code: 'issuance.member-suspended' });
  });

  it('refuses a transaction code the learner could not receive (no e-mail address), and offers without one', async () => {
    const { offer } = await harness('');
    await expect(offer(learner)).rejects.toMatchObject({ status: 409, code: 'issuance.wallet-offer.no-mail-address', field: 'txCode' });
    expect((await offer(learner, { txCode: false })).txCode).toBeUndefined();
  });
});
