import type { DemoDefinition } from './demo-alliance';
import type { DemoContext } from './demo-context';
import type { DemoEnrolment } from './demo-learner';
import { waitFor } from './demo-wait';

/** The signed Open Badges 3.0 credential as issuance serves it. */
export type SignedCredential = Record<string, unknown> & {
  id?: string;
  proof?: { verificationMethod?: string }[] | { verificationMethod?: string };
};

interface CredentialSummary {
  credentialId: string;
  lifecycle: string;
  awardingBodies: { institutionId: string; signed: boolean }[];
}

export interface IssuedCredential {
  credentialId: string;
  credential: SignedCredential;
}

/**
 * Waits for issuance to award the credential and collect a proof from every awarding body (it signs with
 * the keys it holds as soon as the last result arrives), then fetches the signed document.
 */
export async function awaitCoSignedCredential(
  ctx: DemoContext,
  definition: DemoDefinition,
  enrolment: DemoEnrolment,
): Promise<IssuedCredential> {
  const admin = await ctx.token('alliance-admin');
  let latest: CredentialSummary | undefined;
  const issued = await waitFor(
    'the co-signed credential',
    async () => {
      const page = await ctx.clients.issuance.json<{ items: CredentialSummary[] }>(
        'GET',
        `/credentials?learner=${encodeURIComponent(enrolment.learnerId)}&specId=${definition.id}`,
        {
          bearer: admin,
        },
      );
      latest = page.items[0];
      return page.items.find((c) => c.lifecycle === 'issued');
    },
    ctx.patience,
    () =>
      latest
        ? `${latest.lifecycle}, ${latest.awardingBodies.filter((b) => b.signed).length} of ${latest.awardingBodies.length} signatures`
        : 'no award yet',
  );
  const credential = await ctx.clients.issuance.json<SignedCredential>('GET', `/credentials/${issued.credentialId}`, { bearer: admin });
  const signers = signersOf(credential, definition);
  const named = signers.every((n) => n !== undefined) ? ` (${signers.join(', ')})` : '';
  ctx.step(`credential issued, signed by ${signers.length} universities${named}`);
  return { credentialId: issued.credentialId, credential };
}

export function proofsOf(credential: SignedCredential): { verificationMethod?: string }[] {
  const proof = credential.proof;
  return Array.isArray(proof) ? proof : proof ? [proof] : [];
}

/** The awarding body behind each proof, by the DID its verification method is under (undefined: not one of them). */
export function signersOf(credential: SignedCredential, definition: DemoDefinition): (string | undefined)[] {
  return proofsOf(credential).map(
    (p) => definition.awardingBodies.find((b) => b.did && p.verificationMethod?.startsWith(`${b.did}#`))?.name,
  );
}
