import { DidWebResolutionError, findKeyInDidDocument } from '@alliance/credentials';
import { didHostingOf } from '../../../domain/registry/did-hosting';
import type { RegisteredInstitution, RegisteredKey } from '../../../domain/registry/registered-institution';
import { check, type VerificationCheck } from '../../../domain/report/verification-check';
import type { MemberDidDocuments } from '../../ports/member-did-documents.port';

export interface DidDocumentsInput {
  /** DIDs of every awarding body the credential names. */
  bodies: string[];
  proofs: { verificationMethod?: string; controller?: string; verified: boolean }[];
  registry: Map<string, RegisteredInstitution>;
  documents: MemberDidDocuments;
  catalogueUrl?: string;
}

type Finding =
  | { did: string; name: string; url: string; outcome: 'lists the key'; keys: string[] }
  | { did: string; name: string; url: string; outcome: 'key not listed'; keys: string[]; missing: { key: string; reason: string }[] }
  | { did: string; name: string; url?: string; outcome: 'unreachable'; keys: string[]; reason: string };

/**
 * For each member hosting its own did:web that signed with a registry key, is that key still in the document
 * the member publishes at its domain? The registry decides validity (a key bound to the member when the
 * credential took effect); a key the member has since taken off its own domain, or a document that cannot
 * be read, is something a reader should know, never a failure. Undefined when no such member signed.
 */
export async function didDocumentsCheck(input: DidDocumentsInput): Promise<VerificationCheck | undefined> {
  const targets = input.bodies.flatMap((did) => {
    const member = input.registry.get(did);
    if (
      !member ||
      didHostingOf(did, { ...(input.catalogueUrl ? { catalogueUrl: input.catalogueUrl } : {}), institutionId: member.institutionId }) !==
        'institution-hosted did:web'
    )
      return [];
    const keys = input.proofs
      .filter((p) => p.verified && p.controller === did)
      .map((p) => member.keys.find((k) => k.verificationMethodId === p.verificationMethod))
      .filter((k): k is RegisteredKey => k !== undefined);
    const unique = keys.filter((k, i) => keys.findIndex((o) => o.verificationMethodId === k.verificationMethodId) === i);
    return unique.length > 0 ? [{ member, keys: unique }] : [];
  });
  if (targets.length === 0) return undefined;
  const findings = await Promise.all(targets.map(({ member, keys }) => inspect(member, keys, input.documents)));

  const problems = findings.flatMap((f): VerificationCheck['problems'] => {
    if (f.outcome === 'unreachable')
      return [
        {
          code: 'DID_DOCUMENT_UNREACHABLE',
          message: `the DID document ${f.name} hosts${f.url ? ` at ${f.url}` : ''} could not be read: ${f.reason}`,
        },
      ];
    if (f.outcome === 'key not listed')
      return f.missing.map((m) => ({
        code: 'KEY_NOT_IN_DID_DOCUMENT',
        message: `${f.name} no longer lists ${m.key} in its own DID document at ${f.url}: ${m.reason}`,
      }));
    return [];
  });
  const details = { documents: findings };
  if (problems.length === 0) {
    return check(
      'did-documents',
      'passed',
      `${names(findings)} still ${findings.length > 1 ? 'list' : 'lists'} the key ${findings.length > 1 ? 'each' : 'it'} signed with in the DID document hosted at ${findings.length > 1 ? 'their' : 'its'} own domain.`,
      [],
      details,
    );
  }
  const withdrawn = findings.filter((f) => f.outcome === 'key not listed');
  const unreachable = findings.filter((f) => f.outcome === 'unreachable');
  const sentences = [
    ...(withdrawn.length > 0
      ? [
          `${names(withdrawn)} no longer ${withdrawn.length > 1 ? 'list' : 'lists'} the key that signed this credential in the DID document at ${withdrawn.length > 1 ? 'their' : 'its'} own domain`,
        ]
      : []),
    ...(unreachable.length > 0
      ? [
          `the DID document ${names(unreachable)} ${unreachable.length > 1 ? 'host' : 'hosts'} could not be read (${unreachable.map((f) => (f.outcome === 'unreachable' ? f.reason : '')).join('; ')})`,
        ]
      : []),
  ];
  const summary = `${capitalise(sentences.join('; '))}. The alliance registry held the key valid when the credential took effect, so the signature still counts.`;
  return check('did-documents', 'warning', summary, problems, details);
}

async function inspect(member: RegisteredInstitution, keys: RegisteredKey[], documents: MemberDidDocuments): Promise<Finding> {
  const { did, name } = member;
  const keyIds = keys.map((k) => k.verificationMethodId);
  let resolved;
  try {
    resolved = await documents.resolve(did);
  } catch (e) {
    const reason = e instanceof DidWebResolutionError ? `${e.message} (${e.code})` : (e as Error).message;
    return {
      did,
      name,
      ...(e instanceof DidWebResolutionError && e.url ? { url: e.url } : {}),
      outcome: 'unreachable',
      keys: keyIds,
      reason,
    };
  }
  const missing = keys.flatMap((k) => {
    const listing = findKeyInDidDocument(resolved.document, {
      did,
      verificationMethodId: k.verificationMethodId,
      publicKeyMultibase: k.publicKeyMultibase,
    });
    return listing.listed ? [] : [{ key: k.verificationMethodId, reason: listing.message }];
  });
  if (missing.length > 0) return { did, name, url: resolved.url, outcome: 'key not listed', keys: keyIds, missing };
  return { did, name, url: resolved.url, outcome: 'lists the key', keys: keyIds };
}

const names = (findings: { name: string }[]) => findings.map((f) => f.name).join(', ');
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
