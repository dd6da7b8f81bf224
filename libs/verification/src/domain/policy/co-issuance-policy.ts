import { IMPERSONATION, NOT_IN_REGISTRY } from '../report/verdict';
import { check, type VerificationCheck } from '../report/verification-check';
import { compromisedAt, keyCovers, membershipAt, type RegisteredInstitution } from '../registry/registered-institution';
import { type ClaimedProfile, describeImpersonation, impersonationsOf } from './impersonation';

/** An awarding body as the credential names it. */
export interface ClaimedBody {
  did: string;
  name?: string;
  countryCode?: string;
}

/** What proof verification found for one proof. */
export interface ProofFinding {
  index: number;
  verificationMethod?: string;
  controller?: string;
  verified: boolean;
}

export interface CoIssuanceInput {
  /** Every awarding body the credential names (the issuer among them). */
  bodies: ClaimedBody[];
  proofs: ProofFinding[];
  /** The credential's validFrom: the instant keys must have been registered and valid at. */
  validFrom?: string;
  registry: (did: string) => RegisteredInstitution | undefined;
  /**
   * When the alliance's issuance log says it issued exactly this credential (same id, same signed form), if it
   * did. The only date a holder of a stolen key cannot write: it decides for keys later reported compromised.
   */
  recordedIssuedAt?: string;
  /** Every profile the credential names, with the names, addresses and identifiers it claims. */
  profiles?: ClaimedProfile[];
  /** Every institution in the alliance registry, whose identities no other DID may claim. */
  members?: RegisteredInstitution[];
}

/**
 * The co-issuance policy Data Integrity cannot express: every awarding body signed (a holder can delete a
 * proof from a set and the rest still verifies), and each with a key the alliance registry bound to it at
 * validFrom. Bodies the registry does not know are reported, not treated as forgeries.
 */
export function coIssuanceChecks(input: CoIssuanceInput): VerificationCheck[] {
  const signedBy = (did: string) => input.proofs.filter((p) => p.verified && p.controller === did);
  const unsigned = input.bodies.filter((b) => signedBy(b.did).length === 0);
  // A member or any DID can be checked for a proof; a bare web address names no keys, so its signature cannot be looked for.
  const missing = unsigned.filter((b) => input.registry(b.did) || b.did.startsWith('did:'));
  const unconfirmed = unsigned.filter((b) => !missing.includes(b));
  let coIssuance: VerificationCheck;
  if (missing.length > 0) {
    coIssuance = check(
      'co-issuance',
      'failed',
      `${missing.map(label).join(', ')} did not sign this credential, though it names ${missing.length > 1 ? 'them' : 'it'} as awarding body.`,
      missing.map((b) => ({ code: 'MISSING_REQUIRED_SIGNER', message: `no valid proof by awarding body ${label(b)} (${b.did})` })),
    );
  } else if (unconfirmed.length > 0) {
    const signers = [...new Set(input.proofs.filter((p) => p.verified && p.controller).map((p) => p.controller as string))];
    coIssuance = check(
      'co-issuance',
      'warning',
      `The signatures could not be linked to ${unconfirmed.map(label).join(', ')}: ${unconfirmed.length > 1 ? 'they are' : 'it is'} named by a web address, not a DID, ${signers.length ? `and the credential was signed by ${signers.join(', ')}` : 'and no signature could be checked'}.`,
      unconfirmed.map((b) => ({ code: 'ISSUER_NOT_CONFIRMED', message: `no proof could be linked to ${b.did}` })),
      { signers },
    );
  } else {
    coIssuance = check(
      'co-issuance',
      'passed',
      input.bodies.length > 1 ? `All ${input.bodies.length} awarding bodies signed it.` : 'Its issuer signed it.',
    );
  }
  return [withUnexpectedSigners(coIssuance, input, unconfirmed.length > 0), registryCheck(input, signedBy)];
}

/**
 * A verified proof by someone the credential does not name as an awarding body is never passed over in silence:
 * a member's is `UNEXPECTED_SIGNER`, anyone else's `UNKNOWN_SIGNER` (unless a body named only by a web address
 * could be that signer, which the co-issuance warning already says).
 */
function withUnexpectedSigners(coIssuance: VerificationCheck, input: CoIssuanceInput, someUnconfirmed: boolean): VerificationCheck {
  const bodies = new Set(input.bodies.map((b) => b.did));
  const strangers = [
    ...new Set(input.proofs.filter((p) => p.verified && p.controller && !bodies.has(p.controller)).map((p) => p.controller as string)),
  ];
  const problems = strangers.flatMap((did) => {
    const member = input.registry(did);
    if (member)
      return [
        {
          code: 'UNEXPECTED_SIGNER',
          message: `${member.name} (${did}), an alliance member, also signed it, though the credential does not name it as an awarding body`,
        },
      ];
    return someUnconfirmed
      ? []
      : [
          {
            code: 'UNKNOWN_SIGNER',
            message: `${did}, which is neither an awarding body of this credential nor an alliance member, also signed it`,
          },
        ];
  });
  if (problems.length === 0) return coIssuance;
  const note = problems.map((p) => p.message).join('; ');
  const summary = coIssuance.outcome === 'passed' ? `${coIssuance.summary} ${capitalise(note)}.` : coIssuance.summary;
  return {
    ...coIssuance,
    outcome: coIssuance.outcome === 'passed' ? 'warning' : coIssuance.outcome,
    summary,
    problems: [...coIssuance.problems, ...problems],
    details: { ...coIssuance.details, unexpectedSigners: strangers },
  };
}

function registryCheck(input: CoIssuanceInput, signedBy: (did: string) => ProofFinding[]): VerificationCheck {
  const problems: VerificationCheck['problems'] = [];
  const notes: string[] = [];
  const bodies: Record<string, unknown>[] = [];
  const outside: VerificationCheck['problems'] = [];
  const validFrom = input.validFrom;
  const impersonations = impersonationsOf(input.profiles ?? [], input.members ?? []);
  for (const i of impersonations) problems.push({ code: IMPERSONATION, message: describeImpersonation(i) });
  for (const body of input.bodies) {
    const record = input.registry(body.did);
    if (!record) {
      notes.push(`${label(body)} is not in the alliance registry`);
      outside.push({ code: NOT_IN_REGISTRY, message: body.name ? `${body.name} (${body.did})` : body.did });
      bodies.push({ did: body.did, registered: false, claimedName: body.name });
      continue;
    }
    bodies.push({
      did: body.did,
      registered: true,
      institutionId: record.institutionId,
      name: record.name,
      countryCode: record.countryCode,
      ...(record.region ? { region: record.region } : {}),
    });
    if (body.name && body.name !== record.name && body.name !== record.legalName)
      notes.push(`the credential calls ${record.name} "${body.name}"; the registry's name is shown`);
    if (body.countryCode && body.countryCode !== record.countryCode)
      notes.push(`the credential gives ${record.name} country ${body.countryCode}; the registry says ${record.countryCode}`);
    if (!validFrom) {
      problems.push({ code: 'VALID_FROM_MISSING', message: 'the credential has no validFrom, so key registration cannot be checked' });
      continue;
    }
    const membership = membershipAt(record, validFrom);
    if (membership !== 'active') {
      const why = membership === 'pending' ? 'pending (registered, not yet activated)' : membership;
      problems.push({ code: 'INSTITUTION_NOT_ACTIVE', message: `${record.name} was ${why} in the alliance at ${validFrom}` });
      continue;
    }
    for (const proof of proofsNaming(input.proofs, body.did)) {
      const unbound = record.unboundKeys?.find((k) => k.verificationMethodId === proof.verificationMethod);
      if (unbound && !record.keys.some((k) => k.verificationMethodId === proof.verificationMethod)) {
        problems.push({
          code: 'KEY_NOT_BOUND',
          message: `${proof.verificationMethod} is not bound to ${record.name} (institution ${record.institutionId}): ${unbound.reason}`,
        });
      }
    }
    for (const proof of signedBy(body.did)) {
      const key = record.keys.find((k) => k.verificationMethodId === proof.verificationMethod);
      if (!key)
        problems.push({
          code: 'KEY_NOT_REGISTERED',
          message: `${proof.verificationMethod} is not a key the registry holds for ${record.name}`,
        });
      else if (compromisedAt(key, validFrom)) {
        problems.push({
          code: 'KEY_COMPROMISED',
          message: `${record.name} (institution ${record.institutionId}) revoked its key ${key.keyId} as compromised since ${key.compromisedSince}; this credential took effect at ${validFrom}, not before that, so the key's signature does not count`,
        });
      } else if (
        key.compromisedSince &&
        !(input.recordedIssuedAt && Date.parse(input.recordedIssuedAt) < Date.parse(key.compromisedSince))
      ) {
        problems.push({
          code: 'KEY_COMPROMISED_UNPROVEN',
          message: `${record.name} (institution ${record.institutionId}) revoked its key ${key.keyId} as compromised since ${key.compromisedSince}; the credential says it took effect at ${validFrom}, but whoever holds the stolen key can write any date, and the alliance's issuance log ${input.recordedIssuedAt ? `shows it issued at ${input.recordedIssuedAt}, not before` : 'has no record of issuing this credential'}`,
        });
      } else if (!keyCovers(key, validFrom)) {
        const window = `[${key.validFrom}, ${key.validUntil ?? 'open'})`;
        const revoked =
          key.revokedAt && Date.parse(validFrom) >= Date.parse(key.revokedAt)
            ? ` (revoked at ${key.revokedAt}${key.revocationReason ? `: ${key.revocationReason}` : ''})`
            : '';
        problems.push({
          code: 'KEY_NOT_VALID_AT_VALID_FROM',
          message: `${record.name}'s key ${key.keyId} was valid ${window}${revoked}, not at validFrom ${validFrom}`,
        });
      }
    }
  }
  const details = {
    bodies,
    ...(notes.length ? { notes } : {}),
    ...(impersonations.length
      ? {
          impersonates: impersonations.map((i) => ({
            claimedBy: i.profile.where,
            ...(i.profile.id ? { claimedById: i.profile.id } : {}),
            by: i.by,
            claimed: i.claimed,
            member: i.member,
          })),
        }
      : {}),
  };
  if (problems.length > 0) return check('registry-keys', 'failed', problems[0].message, [...problems, ...outside], details);
  const registered = bodies.filter((b) => b['registered']).length;
  if (registered === 0) {
    return check(
      'registry-keys',
      'not-applicable',
      'No awarding body is an alliance member, so the alliance key registry does not apply; the signatures were checked with the keys the credential points to.',
      outside,
      details,
    );
  }
  if (notes.length > 0) return check('registry-keys', 'warning', `${capitalise(notes.join('; '))}.`, outside, details);
  return check(
    'registry-keys',
    'passed',
    'Every awarding body signed with a key the alliance registry held valid for it when the credential took effect.',
    [],
    details,
  );
}

const label = (b: ClaimedBody) => b.name ?? b.did;
/** Proofs that name a key of this DID, whether or not they verified (a key the registry refused verifies nothing). */
const proofsNaming = (proofs: ProofFinding[], did: string) =>
  proofs.filter((p) => p.controller === did || p.verificationMethod?.split('#')[0] === did);
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
