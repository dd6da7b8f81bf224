import { createHash } from 'node:crypto';
import type { SigningRequestV1, StatusListSigningRequestV1 } from '@alliance/contracts';
import canonicalize from 'canonicalize';
import type { SignerLocalPolicy } from './local-policy';

export type SigningDecision = { sign: true } | { sign: false; code: string; reason: string };

const refuse = (code: string, reason: string): SigningDecision => ({ sign: false, code, reason });
const listed = (list: string[], specId: string, version: number) => list.includes(specId) || list.includes(`${specId}@${version}`);

/**
 * The signer's own check of a request before its key touches it, in the order a reviewer would ask:
 * is it for us; is the document exactly the one named (digest, credential id, definition); is the definition
 * one we award and approved; has the learner passed every component. The first failed rule is the reason.
 */
export function decideSigning(request: SigningRequestV1, institutionId: string, policy: SignerLocalPolicy): SigningDecision {
  if (request.institutionId !== institutionId)
    return refuse(
      'request.other-institution',
      `the request is for institution ${request.institutionId}, this signer signs for ${institutionId}`,
    );
  const canonical = canonicalize(request.document);
  const digest = canonical === undefined ? '' : createHash('sha256').update(canonical, 'utf8').digest('hex');
  if (digest !== request.documentDigest)
    return refuse('document.mismatch', 'the document is not the one the request names (its SHA-256 differs from documentDigest)');
  if (request.document['id'] !== `urn:uuid:${request.credentialId}`)
    return refuse('document.mismatch', `the document's id is ${String(request.document['id'])}, not urn:uuid:${request.credentialId}`);
  if ('proof' in request.document) return refuse('document.mismatch', 'the document to sign already carries a proof');
  const { specId, version } = request.definition;
  const subject = request.document['credentialSubject'] as Record<string, unknown> | undefined;
  const achievement = subject?.['achievement'] as Record<string, unknown> | undefined;
  const expectedAchievement = `urn:alliance:definition:${encodeURIComponent(specId)}:v${version}`;
  if (achievement?.['id'] !== expectedAchievement)
    return refuse('document.mismatch', `the credential certifies ${String(achievement?.['id'])}, not definition ${specId} v${version}`);
  if (!request.definition.awardingBodies.some((b) => b.institutionId === institutionId)) {
    return refuse('definition.not-awarding-body', `definition ${specId} v${version} does not name this institution as an awarding body`);
  }
  if (policy.suspendedDefinitions && listed(policy.suspendedDefinitions, specId, version))
    return refuse('definition.suspended', `this university suspended signing for definition ${specId} v${version}`);
  if (policy.approvedDefinitions && !listed(policy.approvedDefinitions, specId, version)) {
    return refuse('definition.not-approved', `definition ${specId} v${version} is not on this university's list of approved definitions`);
  }
  const missing = request.definition.components.filter((c) => !request.results.some((r) => r.componentCode === c.code && r.passed));
  if (missing.length > 0)
    return refuse('results.incomplete', `no passing result for component(s) ${missing.map((c) => c.code).join(', ')}`);
  return { sign: true };
}

/** A status list is signed only when it is ours (its issuer is our DID) and it is the document named. */
export function decideStatusListSigning(
  request: StatusListSigningRequestV1,
  identity: { institutionId: string; verificationMethodId: string },
): SigningDecision {
  if (request.institutionId !== identity.institutionId)
    return refuse('request.other-institution', `the list is issued by institution ${request.institutionId}`);
  const did = identity.verificationMethodId.split('#')[0];
  if (request.document['issuer'] !== did)
    return refuse('status-list.other-issuer', `the list names ${String(request.document['issuer'])} as its issuer, not ${did}`);
  const types = request.document['type'];
  if (!Array.isArray(types) || !types.includes('BitstringStatusListCredential'))
    return refuse('status-list.not-a-list', 'the document is not a BitstringStatusListCredential');
  if ('proof' in request.document) return refuse('document.mismatch', 'the list already carries a proof');
  const canonical = canonicalize(request.document);
  const digest = canonical === undefined ? '' : createHash('sha256').update(canonical, 'utf8').digest('hex');
  if (digest !== request.documentDigest)
    return refuse('document.mismatch', 'the list is not the one the request names (its SHA-256 differs from documentDigest)');
  return { sign: true };
}
