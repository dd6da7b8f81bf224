import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { walletRun } from '@alliance/credentials';
import { setGlobalConfig } from '@openid4vc/utils';
import { messages, UNI_A, UNI_B } from './alliance-messages';
import { delegateToPlatform, eventually, type IssuanceApp, issueTo, startIssuance } from './issuance-app';

/** One line of the development mail file. */
export type LearnerMailLine = {
  kind: string;
  reference: string;
  learnerId: string;
  to: string;
  subject: string;
  text: string;
  sentAt: string;
};

export type WalletOffer = {
  offerId: string;
  byValue: string;
  byReference: string;
  qrSvg: string;
  txCode?: { length: number };
  expiresAt: string;
};

/**
 * Issuance with both awarding bodies signing through the platform, for wallet specs: issues credentials to
 * learners, makes offers as the learner, reads the mailed transaction code, and runs the library's wallet.
 * `env` adds to issuance's configuration (e.g. suspendable credentials).
 */
export function useWalletApp(env: Record<string, string> = {}) {
  let it$: IssuanceApp;
  const keys: Record<string, string> = {};

  const issuedTo = (learner: string, person?: { name: string; email: string }) => issueTo(it$, learner, person);
  const offer = async (credentialId: string, learner: string, body: Record<string, unknown> = {}) =>
    (
      await it$
        .http()
        .post(`/credentials/${credentialId}/wallet-offers`)
        .set('authorization', await it$.bearer('learner', undefined, learner))
        .send(body)
        .expect(201)
    ).body as WalletOffer;
  /** The first mail the development adapter wrote that `match`es, as the learner reads it. */
  const mailWhere = (match: (mail: LearnerMailLine) => boolean, what: string) =>
    eventually(
      async () => {
        const file = await readFile(join(it$.config.DATA_DIR, 'mail', 'learner-mail.jsonl'), 'utf8').catch(() => '');
        return file
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l) as LearnerMailLine)
          .find(match);
      },
      20_000,
      what,
    );
  /** The transaction code as the learner reads it in the mail. */
  const mailedCode = async (offerId: string) => {
    const mail = await mailWhere((m) => m.reference === offerId, 'the mailed transaction code');
    return { to: mail.to, code: /code is (\d+)\./.exec(mail.text)?.[1] };
  };

  /** The wallet's whole run, asking for one configuration; the access token as the wallet keeps it. */
  const walletRunFor = async (link: string, txCode: string | undefined, configurationId: string) => {
    const run = await walletRun(link, txCode, undefined, configurationId);
    return { ...run, accessToken: run.accessTokenResponse.access_token };
  };

  beforeAll(async () => {
    setGlobalConfig({ allowInsecureUrls: true });
    it$ = await startIssuance({ env });
    await it$.bus.publish([messages.institutionRegistered(UNI_A), messages.institutionRegistered(UNI_B), messages.specPublished()]);
    for (const id of [UNI_A, UNI_B]) {
      keys[id] = (await delegateToPlatform(it$, id)).publicKeyMultibase;
      await it$.bus.publish([messages.keyAdded(id as typeof UNI_A, keys[id])]);
    }
  }, 60_000);
  afterAll(async () => {
    setGlobalConfig({ allowInsecureUrls: false });
    await it$?.close();
  });

  const streamOf = async (offerId: string) => (await it$.store.readStream(`issuance.wallet-offer-${offerId}`)).map((e) => e.type);
  const post = async (path: string, body: unknown, accessToken: string) => {
    const res = await fetch(`${it$.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => undefined)) as { error?: string } | undefined };
  };

  return { app: () => it$, keys, issuedTo, offer, mailWhere, mailedCode, walletRunFor, streamOf, post };
}
