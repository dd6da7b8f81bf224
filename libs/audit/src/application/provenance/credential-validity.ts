import type { RecordedEvent } from '@alliance/event-sourcing';
import type { AuditSource } from '../audit-source';
import { HistoryReader } from './history-reader';
import {
  CREDENTIAL_TYPES,
  type CredentialDraftedData,
  type CredentialProofAddedData,
  INSTITUTION_TYPES,
  type SigningKeyData,
  STORES,
  streams,
} from './stored-events';

export type CheckOutcome = 'pass' | 'fail' | 'unknown';

export interface ValidityCheck {
  check: 'issued' | 'not-revoked' | 'not-suspended' | 'validity-period' | 'co-issuers-signed' | 'keys-registered';
  outcome: CheckOutcome;
  detail: string;
  /** The events the outcome rests on. */
  evidence: { store: string; streamId: string; revision: number; eventId: string; type: string; occurredAt: string }[];
}

export interface CredentialValidityAt {
  credentialId: string;
  at: string;
  /** True only when every check passed. */
  valid: boolean;
  status: 'valid' | 'not-issued' | 'revoked' | 'suspended' | 'not-yet-valid' | 'expired' | 'unsigned' | 'indeterminate';
  checks: ValidityCheck[];
}

const ref = (store: string) => (e: RecordedEvent) => ({
  store,
  streamId: e.streamId,
  revision: e.revision,
  eventId: e.eventId,
  type: e.type,
  occurredAt: e.metadata.occurredAt,
});
const issuanceRef = ref(STORES.issuance);

/**
 * Was the credential valid at an instant, answered from the history alone: issued by then, not revoked or
 * suspended then, inside its validity period, signed by every awarding body, each with a key registered to
 * it in the catalogue and valid when it signed. Undefined when no store knows the credential.
 */
export async function credentialValidityAt(
  sources: AuditSource[],
  credentialId: string,
  at: string,
): Promise<CredentialValidityAt | undefined> {
  const reader = new HistoryReader(sources);
  const all = await reader.stream(STORES.issuance, streams.credential(credentialId));
  if (all.length === 0) return undefined;
  const known = all.filter((e) => e.metadata.occurredAt <= at);
  const drafted = known.find((e) => e.type === CREDENTIAL_TYPES.drafted);
  const draft = drafted?.data as CredentialDraftedData | undefined;
  const issued = known.find((e) => e.type === CREDENTIAL_TYPES.issued);
  const revoked = known.find((e) => e.type === CREDENTIAL_TYPES.revoked);
  const lastStatus = known.filter((e) => e.type === CREDENTIAL_TYPES.suspended || e.type === CREDENTIAL_TYPES.reinstated).at(-1);
  const proofs = known.filter((e) => e.type === CREDENTIAL_TYPES.proofAdded);

  const checks: ValidityCheck[] = [
    issued
      ? { check: 'issued', outcome: 'pass', detail: `issued at ${issued.metadata.occurredAt}`, evidence: [issuanceRef(issued)] }
      : { check: 'issued', outcome: 'fail', detail: `not issued by ${at}`, evidence: drafted ? [issuanceRef(drafted)] : [] },
    revoked
      ? {
          check: 'not-revoked',
          outcome: 'fail',
          detail: `revoked at ${revoked.metadata.occurredAt}: ${String((revoked.data as { reason?: string }).reason ?? '')}`,
          evidence: [issuanceRef(revoked)],
        }
      : { check: 'not-revoked', outcome: 'pass', detail: 'no revocation by then', evidence: [] },
    lastStatus?.type === CREDENTIAL_TYPES.suspended
      ? {
          check: 'not-suspended',
          outcome: 'fail',
          detail: `suspended since ${lastStatus.metadata.occurredAt}`,
          evidence: [issuanceRef(lastStatus)],
        }
      : {
          check: 'not-suspended',
          outcome: 'pass',
          detail: lastStatus ? `reinstated at ${lastStatus.metadata.occurredAt}` : 'never suspended by then',
          evidence: lastStatus ? [issuanceRef(lastStatus)] : [],
        },
    periodCheck(draft, drafted, at),
    coIssuersCheck(draft, proofs),
    await keysCheck(reader, proofs),
  ];
  return { credentialId, at, valid: checks.every((c) => c.outcome === 'pass'), status: statusOf(checks), checks };
}

function periodCheck(draft: CredentialDraftedData | undefined, drafted: RecordedEvent | undefined, at: string): ValidityCheck {
  if (!draft || !drafted) return { check: 'validity-period', outcome: 'fail', detail: 'no credential document by then', evidence: [] };
  const { validFrom, validUntil } = draft.document;
  const evidence = [issuanceRef(drafted)];
  if (validFrom && at < new Date(validFrom).toISOString())
    return { check: 'validity-period', outcome: 'fail', detail: `valid only from ${validFrom}`, evidence };
  if (validUntil && at > new Date(validUntil).toISOString())
    return { check: 'validity-period', outcome: 'fail', detail: `expired at ${validUntil}`, evidence };
  return {
    check: 'validity-period',
    outcome: 'pass',
    detail: `valid from ${validFrom ?? '(unset)'}${validUntil ? ` until ${validUntil}` : ', no end'}`,
    evidence,
  };
}

function coIssuersCheck(draft: CredentialDraftedData | undefined, proofs: RecordedEvent[]): ValidityCheck {
  const required = draft?.awardingBodies.map((b) => b.institutionId) ?? [];
  const signed = new Set(proofs.map((p) => (p.data as CredentialProofAddedData).institutionId));
  const missing = required.filter((id) => !signed.has(id));
  return {
    check: 'co-issuers-signed',
    outcome: required.length > 0 && missing.length === 0 ? 'pass' : 'fail',
    detail: missing.length ? `no proof by ${missing.join(', ')}` : `all ${required.length} awarding bodies signed`,
    evidence: proofs.map(issuanceRef),
  };
}

/** Each proof's key must be registered to its institution, and valid, at the moment it signed. */
async function keysCheck(reader: HistoryReader, proofs: RecordedEvent[]): Promise<ValidityCheck> {
  if (!reader.has(STORES.catalogue))
    return { check: 'keys-registered', outcome: 'unknown', detail: 'the catalogue history is not audited here', evidence: [] };
  const problems: string[] = [];
  const evidence: ValidityCheck['evidence'] = [];
  for (const proof of proofs) {
    const p = proof.data as CredentialProofAddedData;
    const signedAt = new Date(p.proof?.created ?? proof.metadata.occurredAt).toISOString();
    const history = (await reader.stream(STORES.catalogue, streams.institution(p.institutionId))).filter(
      (e) => e.metadata.occurredAt <= signedAt,
    );
    const window = keyWindows(history).get(p.verificationMethod);
    if (!window) {
      problems.push(`${p.verificationMethod} was not registered to ${p.institutionId} when it signed at ${signedAt}`);
      continue;
    }
    evidence.push(...window.events.map(ref(STORES.catalogue)));
    const from = new Date(window.validFrom).toISOString();
    const until = window.validUntil ? new Date(window.validUntil).toISOString() : undefined;
    if (signedAt < from || (until && signedAt > until))
      problems.push(`${p.verificationMethod} signed at ${signedAt}, outside its window ${window.validFrom}..${window.validUntil ?? ''}`);
  }
  return {
    check: 'keys-registered',
    outcome: problems.length || proofs.length === 0 ? 'fail' : 'pass',
    detail: problems.length ? problems.join('; ') : proofs.length ? 'every key was registered and valid when it signed' : 'no proof',
    evidence,
  };
}

/** Validity window of each verification method, folded from the institution's key events. */
export function keyWindows(history: RecordedEvent[]): Map<string, { validFrom: string; validUntil?: string; events: RecordedEvent[] }> {
  const windows = new Map<string, { validFrom: string; validUntil?: string; events: RecordedEvent[] }>();
  const open = (key: SigningKeyData, e: RecordedEvent) =>
    windows.set(key.verificationMethodId, {
      validFrom: key.validFrom,
      ...(key.validUntil ? { validUntil: key.validUntil } : {}),
      events: [e],
    });
  for (const e of history) {
    if (e.type === INSTITUTION_TYPES.keyAdded) open((e.data as { key: SigningKeyData }).key, e);
    if (e.type === INSTITUTION_TYPES.keyRotated) {
      const r = e.data as { previousKeyId: string; previousValidUntil: string; newKey: SigningKeyData };
      const previous = [...windows.entries()].find(([vm]) => vm.endsWith(`#${r.previousKeyId}`));
      if (previous) Object.assign(previous[1], { validUntil: r.previousValidUntil, events: [...previous[1].events, e] });
      open(r.newKey, e);
    }
  }
  return windows;
}

function statusOf(checks: ValidityCheck[]): CredentialValidityAt['status'] {
  const failed = (c: ValidityCheck['check']) => checks.find((x) => x.check === c)?.outcome === 'fail';
  if (failed('not-revoked')) return 'revoked';
  if (failed('issued')) return 'not-issued';
  if (failed('not-suspended')) return 'suspended';
  if (failed('validity-period'))
    return checks.find((c) => c.check === 'validity-period')!.detail.startsWith('expired') ? 'expired' : 'not-yet-valid';
  if (failed('co-issuers-signed') || failed('keys-registered')) return 'unsigned';
  return checks.every((c) => c.outcome === 'pass') ? 'valid' : 'indeterminate';
}
