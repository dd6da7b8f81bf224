/**
 * The baseline the credential benchmarks are read against, measured in the same run: the widely used
 * @digitalbazaar/vc stack (vc 7.3, data-integrity 2.5, eddsa-rdfc-2022-cryptosuite 1.3, ed25519-multikey 1.3)
 * securing a credential with ONE eddsa-rdfc-2022 DataIntegrityProof through issue(), and checking it through
 * verifyCredential(). Contexts and DID documents come from offlineDocumentLoader; nothing is fetched.
 * The credential is the benchmark's own OB 3.0 AchievementCredential; should their stack reject it, the
 * reason is kept and a plain VC 2.0 credential with a did:key issuer is measured instead.
 */
import { didKeyOf, didKeyVerificationMethodOf, type JsonObject, VC_V2_CONTEXT_URL, verifyCredential } from '../src/index';
import { benchCredential, benchLoader, didDocuments, institutions, resolveVerificationMethod } from './bench-credential';
import { offlineDocumentLoader } from './offline-document-loader';
import { measureRate } from './rate';

export interface DigitalBazaarBaseline {
  /** Which credential was measured. */
  credential: string;
  /** Why their stack could not sign and verify the OB 3.0 credential, when it could not. */
  fallbackReason?: string;
  /** Whether this project's verifier accepts the proof their stack created (checked once, untimed). */
  ourVerifierAcceptsTheirProof: boolean;
  signPerSecond: number;
  verifyPerSecond: number;
}

interface Subject {
  label: string;
  issuer: string;
  verificationMethod: string;
  credential: (n: number) => JsonObject;
}

const lead = institutions[0];
const OB_CREDENTIAL: Subject = {
  label: 'OB 3.0 AchievementCredential (the one our rows sign)',
  issuer: lead.did,
  verificationMethod: lead.verificationMethod,
  credential: benchCredential,
};
const leadDidKey = didKeyOf(lead.keys.publicKeyMultibase);
const PLAIN_CREDENTIAL: Subject = {
  label: 'plain VC 2.0 credential (fallback)',
  issuer: leadDidKey,
  verificationMethod: didKeyVerificationMethodOf(lead.keys.publicKeyMultibase),
  credential: (n) => ({
    '@context': [VC_V2_CONTEXT_URL],
    id: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    type: ['VerifiableCredential'],
    issuer: leadDidKey,
    validFrom: '2025-06-30T10:00:00Z',
    credentialSubject: { id: `urn:uuid:00000000-0000-4000-9000-${String(n).padStart(12, '0')}`, name: 'Sustainable Energy Systems' },
  }),
};

/** Measures their issue() and verifyCredential() rates, `seconds` each. */
export async function digitalBazaarBaseline(seconds: number): Promise<DigitalBazaarBaseline> {
  const [vc, { DataIntegrityProof }, { cryptosuite }, Ed25519Multikey] = await Promise.all([
    import('@digitalbazaar/vc'),
    import('@digitalbazaar/data-integrity'),
    import('@digitalbazaar/eddsa-rdfc-2022-cryptosuite'),
    import('@digitalbazaar/ed25519-multikey'),
  ]);
  const documentLoader = offlineDocumentLoader(didDocuments);
  const verifySuite = new DataIntegrityProof({ cryptosuite });
  const stackFor = async (subject: Subject) => {
    const { publicKeyMultibase, secretKeyMultibase } = lead.keys;
    const key = await Ed25519Multikey.from({
      type: 'Multikey',
      id: subject.verificationMethod,
      controller: subject.issuer,
      publicKeyMultibase,
      secretKeyMultibase,
    });
    const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite });
    return {
      issue: (n: number) =>
        vc
          .issue({ credential: subject.credential(n), suite, documentLoader })
          .catch((e: unknown) => Promise.reject(new Error(`issue() threw ${describe(e)}`))),
      verify: async (credential: object) => {
        const result = await vc.verifyCredential({ credential, suite: verifySuite, documentLoader });
        if (!result.verified)
          throw new Error(`verifyCredential() did not verify: ${describe(result.error ?? result.results?.find((r) => r.error)?.error)}`);
      },
    };
  };

  let subject = OB_CREDENTIAL;
  let fallbackReason: string | undefined;
  let stack = await stackFor(subject);
  try {
    await stack.verify(await stack.issue(0));
  } catch (e) {
    fallbackReason = (e as Error).message;
    subject = PLAIN_CREDENTIAL;
    stack = await stackFor(subject);
  }
  const first = await stack.issue(0);
  await stack.verify(first);
  const ours = await verifyCredential(first as JsonObject, { resolveVerificationMethod, documentLoader: benchLoader });

  const signed: object[] = [];
  const sign = await measureRate(seconds, async (n) => {
    const credential = await stack.issue(n);
    if (signed.length < 200) signed.push(credential);
  });
  const verify = await measureRate(seconds, (n) => stack.verify(signed[n % signed.length]));
  return {
    credential: subject.label,
    fallbackReason,
    ourVerifierAcceptsTheirProof: ours.verified,
    signPerSecond: sign.perSecond,
    verifyPerSecond: verify.perSecond,
  };
}

/** An error of their stack with its causes (jsonld-signatures nests them under `errors`, jsonld.js under `details`). */
function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const event = (e as { details?: { event?: { message?: string } } }).details?.event?.message;
  const nested = (e as { errors?: unknown[] }).errors ?? [];
  return [`${e.name}: ${e.message}`, event, ...nested.map(describe)].filter(Boolean).join(' / ');
}
