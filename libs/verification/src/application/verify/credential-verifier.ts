import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { type JsonObject, requiredCoIssuersOf, verifyCredential } from '@alliance/credentials';
import { coIssuanceChecks } from '../../domain/policy/co-issuance-policy';
import type { RegisteredInstitution } from '../../domain/registry/registered-institution';
import { type VerdictSummary, verdictOf } from '../../domain/report/verdict';
import { check, type VerificationCheck } from '../../domain/report/verification-check';
import type { MemberDidDocuments } from '../ports/member-did-documents.port';
import type { RegistryReader } from '../ports/registry.port';
import type { WebFetcher } from '../ports/web-fetcher.port';
import { claimedProfilesOf } from './claimed-profiles';
import { annexICheck } from './checks/annex-i.check';
import { didDocumentsCheck } from './checks/did-documents.check';
import { parseCheck } from './checks/parse.check';
import { proofsCheck } from './checks/proofs.check';
import { schemaCheck } from './checks/schema.check';
import { statusCheck } from './checks/status.check';
import { validityPeriodCheck } from './checks/validity-period.check';
import { type CredentialSummary, summarise } from './credential-summary';
import { verificationDocumentLoader } from './verification-document-loader';
import { verificationResolver } from './verification-resolver';

export interface VerificationReport extends VerdictSummary {
  checkedAt: string;
  checks: VerificationCheck[];
  credential?: CredentialSummary;
}

export interface CredentialVerifierDeps {
  registry: RegistryReader;
  /** Status lists, and did:web documents of issuers outside the alliance. */
  statusLists: WebFetcher;
  didWeb?: WebFetcher;
  /** Why issuance revoked or suspended a credential it issued, when verification heard of it. */
  knownReason?: (credentialId: string | undefined) => Promise<string | undefined>;
  /** When the alliance's issuance log recorded issuing this credential (by id and hash of the signed form). */
  issuedAt?: (documentId: string, hash: string) => Promise<string | undefined>;
  /** Public base URL of the alliance catalogue, to tell the did:web documents it hosts for members. */
  catalogueUrl?: string;
  /**
   * Public base URLs this platform serves its own JSON-LD contexts under: credentials naming them there are read
   * with the bundled copies. The same paths on any other host are unknown contexts.
   */
  contextBaseUrls?: readonly string[];
  /**
   * The did:web documents members host at their own domains, read live to see whether they still list the key
   * that signed (a warning when not; the registry decides validity). Absent: not looked at.
   */
  memberDidDocuments?: MemberDidDocuments;
  clock?: () => Date;
}

/**
 * Runs every check on a presented credential and reports each with its outcome, then the verdict. Checks that
 * do not depend on each other all run, so a reader sees every problem at once, not only the first.
 */
export class CredentialVerifier {
  constructor(private readonly deps: CredentialVerifierDeps) {}

  async verify(document: unknown): Promise<VerificationReport> {
    const now = (this.deps.clock ?? (() => new Date()))();
    const parse = parseCheck(document);
    if (parse.outcome === 'failed') return { ...verdictOf([parse]), checkedAt: now.toISOString(), checks: [parse] };
    const credential = document as JsonObject;
    const registry = new Map<string, RegisteredInstitution>((await this.deps.registry.all()).map((i) => [i.did, i]));
    const { resolver, unreachable } = verificationResolver(registry, this.deps.didWeb);

    const documentLoader = verificationDocumentLoader(this.deps.contextBaseUrls);
    const proofResult = await verifyCredential(credential, {
      resolveVerificationMethod: resolver,
      checkValidityPeriod: false,
      documentLoader,
    }).catch((e: unknown) => ({
      verified: false,
      proofs: [],
      errors: [{ code: 'PROOF_VERIFICATION_ERROR' as const, message: (e as Error).message }],
      signers: [],
      verifiedDocument: null,
    }));
    const bodies = requiredCoIssuersOf(credential).map((did) => ({ did, ...claimOf(credential, did) }));
    // The status list and the members' own DID documents are read side by side: either may be slow.
    const [recordedIssuedAt, status, memberDocuments] = await Promise.all([
      this.deps.issuedAt && typeof credential.id === 'string' ? this.deps.issuedAt(credential.id, sha256Jcs(credential)) : undefined,
      statusCheck(credential, {
        fetchList: (url) => this.deps.statusLists.fetchJson(url),
        resolver,
        documentLoader,
        member: (did) => registry.get(did),
        ...(this.deps.knownReason ? { knownReason: this.deps.knownReason } : {}),
      }),
      this.deps.memberDidDocuments
        ? didDocumentsCheck({
            bodies: bodies.map((b) => b.did),
            proofs: proofResult.proofs,
            registry,
            documents: this.deps.memberDidDocuments,
            ...(this.deps.catalogueUrl ? { catalogueUrl: this.deps.catalogueUrl } : {}),
          })
        : undefined,
    ]);
    const checks: VerificationCheck[] = [
      parse,
      schemaCheck(credential),
      proofsCheck(proofResult, unreachable, ([] as unknown[]).concat(credential.proof ?? [])),
      ...coIssuanceChecks({
        bodies,
        proofs: proofResult.proofs.map((p) => ({
          index: p.index,
          verificationMethod: p.verificationMethod,
          controller: p.controller,
          verified: p.verified,
        })),
        ...(typeof credential.validFrom === 'string' ? { validFrom: credential.validFrom } : {}),
        registry: (did) => registry.get(did),
        ...(recordedIssuedAt ? { recordedIssuedAt } : {}),
        profiles: claimedProfilesOf(credential),
        members: [...registry.values()],
      }),
      ...(memberDocuments ? [memberDocuments] : []),
      status,
      validityPeriodCheck(credential, now),
      annexICheck(credential),
    ];
    if (bodies.length === 0)
      checks.splice(
        3,
        1,
        check('co-issuance', 'failed', 'It names no issuer to check signatures against.', [{ code: 'NO_ISSUER', message: 'no issuer id' }]),
      );
    return {
      ...verdictOf(checks),
      checkedAt: now.toISOString(),
      checks,
      credential: summarise(credential, registry, {
        signers: proofResult.signers,
        proofs: proofResult.proofs,
        ...(this.deps.catalogueUrl ? { catalogueUrl: this.deps.catalogueUrl } : {}),
      }),
    };
  }
}

function claimOf(credential: JsonObject, did: string): { name?: string; countryCode?: string } {
  const achievement = ((credential.credentialSubject as JsonObject | undefined)?.achievement ?? {}) as JsonObject;
  const profiles = [credential.issuer, ...([] as unknown[]).concat(achievement.awardingBody ?? [])] as JsonObject[];
  const p = profiles.find((x) => x && typeof x === 'object' && x.id === did);
  const country = (p?.address as JsonObject | undefined)?.addressCountryCode;
  return { ...(typeof p?.name === 'string' ? { name: p.name } : {}), ...(typeof country === 'string' ? { countryCode: country } : {}) };
}

/** SHA-256 (hex) over the JCS form: how issuance names the signed credential it issued. */
function sha256Jcs(value: JsonObject): string {
  return createHash('sha256')
    .update(canonicalize(value) ?? '', 'utf8')
    .digest('hex');
}
