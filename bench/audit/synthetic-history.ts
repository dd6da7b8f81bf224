import { join } from 'node:path';
import { EmbeddedEventStore, type EventStore, type NewEvent, NO_STREAM } from '@alliance/event-sourcing';

/** The services whose stores the audit reads, in the order a credential's story passes through them. */
export const AUDITED = ['catalogue', 'enrolment', 'assessment', 'issuance', 'verification'] as const;
export type StoreName = (typeof AUDITED)[number];

const INSTITUTIONS = Array.from({ length: 8 }, (_, i) => `uni-${i}`);
const SPECS = Array.from({ length: 20 }, (_, i) => `spec-${i}`);
const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);

type Append = (store: StoreName, streamId: string, events: NewEvent[]) => Promise<void>;

const meta = (at: number, subject: string, role: string, institution?: string, correlationId = 'seed') => ({
  occurredAt: new Date(at).toISOString(),
  actor: { subject, role, ...(institution ? { institution } : {}) },
  correlationId,
  ...(institution ? { institution } : {}),
});
const ev = (type: string, data: unknown, metadata: NewEvent['metadata']): NewEvent => ({ type, data, metadata });

/**
 * Writes a realistic history in the shapes the contexts store: institutions with keys, published definitions,
 * then per credential an enrolment, results (some amended), an award, a co-signed credential (some suspended
 * or revoked) and a verification, about 14 events each, until `targetEvents` is reached.
 */
export async function writeSyntheticHistory(append: Append, targetEvents: number, onProgress?: (written: number) => void): Promise<number> {
  let written = 0;
  const put: Append = async (store, streamId, events) => {
    await append(store, streamId, events);
    written += events.length;
  };
  for (const inst of INSTITUTIONS) {
    const m = meta(START, 'admin', 'alliance-admin');
    const key = {
      keyId: 'key-1',
      verificationMethodId: `did:web:${inst}.example#key-1`,
      type: 'Multikey',
      algorithm: 'Ed25519',
      publicKeyMultibase: `z${inst}`,
      custody: 'issuance-service',
      validFrom: m.occurredAt,
    };
    await put('catalogue', `catalogue.institution-${inst}`, [
      ev('InstitutionRegistered', { institutionId: inst, name: inst, did: `did:web:${inst}.example` }, m),
      ev('SigningKeyAdded', { institutionId: inst, key }, m),
    ]);
  }
  for (const [s, spec] of SPECS.entries()) {
    const bodies = [INSTITUTIONS[s % 8]!, INSTITUTIONS[(s + 1) % 8]!];
    const m = meta(START + DAY, 'admin', 'alliance-admin');
    const v = { credentialSpecId: spec, version: 1 };
    await put('catalogue', `catalogue.credential-spec-${spec}`, [
      ev('CredentialSpecDrafted', { ...v, definition: { title: `Micro-credential ${s}`, ects: 5, awardingBodies: bodies } }, m),
      ev('CredentialSpecProposed', { ...v, requiredApprovals: bodies }, m),
      ...bodies.map((b) =>
        ev(
          'CredentialSpecApproved',
          { ...v, institutionId: b, approvedBy: `admin-${b}`, approvedAt: m.occurredAt },
          meta(START + DAY, `admin-${b}`, 'institution-admin', b),
        ),
      ),
      ev('CredentialSpecPublished', { ...v, definition: { title: `Micro-credential ${s}`, ects: 5 } }, m),
    ]);
  }
  for (let i = 0; written < targetEvents; i++) {
    const spec = SPECS[i % SPECS.length]!;
    const bodies = [INSTITUTIONS[(i % 20) % 8]!, INSTITUTIONS[((i % 20) + 1) % 8]!];
    const t = START + 2 * DAY + i * 60_000;
    const [learner, enrolment, award, credential] = [`learner-${i}`, `enr-${i}`, `award-${i}`, `cred-${i}`];
    const corr = `flow-${i}`;
    await put('enrolment', `enrolment.learner-${learner}`, [
      ev(
        'LearnerEnrolled',
        {
          learnerId: learner,
          enrolmentId: enrolment,
          credentialSpecId: spec,
          specVersion: 1,
          institutionId: bodies[0],
          enrolledAt: new Date(t).toISOString(),
        },
        meta(t, `registrar-${bodies[0]}`, 'registrar', bodies[0], corr),
      ),
    ]);
    const results = bodies.map((b, k) =>
      ev(
        'ResultPublished',
        {
          resultId: `res-${i}-${k}`,
          enrolmentId: enrolment,
          learnerId: learner,
          componentCode: `C${k}`,
          institutionId: b,
          grade: 'B',
          passed: true,
        },
        meta(t + (k + 1) * 1000, `registrar-${b}`, 'registrar', b, corr),
      ),
    );
    if (i % 10 === 0)
      results.push(
        ev(
          'ResultAmended',
          {
            resultId: `res-${i}-1`,
            amendmentId: `am-${i}`,
            enrolmentId: enrolment,
            amendmentNumber: 1,
            reason: 'marking error',
            grade: 'A',
            passed: true,
          },
          meta(t + 3000, `registrar-${bodies[1]}`, 'registrar', bodies[1], corr),
        ),
      );
    await put('assessment', `assessment.transcript-${enrolment}`, results);
    const sys = (dt: number) => meta(t + dt, 'issuance-process', 'system', undefined, corr);
    await put('issuance', `issuance.award-${award}`, [
      ev('AwardTrackOpened', { awardId: award, enrolmentId: enrolment, specId: spec, specVersion: 1 }, sys(0)),
      ev('AwardGranted', { awardId: award, credentialId: credential, specId: spec, specVersion: 1 }, sys(4000)),
    ]);
    const status = { listId: 'list-0', index: i };
    const proof = (b: string, dt: number) =>
      ev(
        'CredentialProofAdded',
        {
          credentialId: credential,
          institutionId: b,
          verificationMethod: `did:web:${b}.example#key-1`,
          method: 'automatic',
          proof: { type: 'DataIntegrityProof', created: new Date(t + dt).toISOString(), proofValue: 'z'.padEnd(88, 'x') },
        },
        sys(dt),
      );
    const life = [
      ev(
        'CredentialDrafted',
        {
          credentialId: credential,
          awardId: award,
          specId: spec,
          specVersion: 1,
          learnerId: learner,
          awardingBodies: bodies.map((b, k) => ({ institutionId: b, lead: k === 0, signing: 'automatic' })),
          document: { validFrom: new Date(t + 4000).toISOString() },
          status,
        },
        sys(4000),
      ),
      proof(bodies[0]!, 4100),
      proof(bodies[1]!, 4200),
      ev(
        'CredentialIssued',
        { credentialId: credential, hash: 'ab'.repeat(32), issuedAt: new Date(t + 4300).toISOString(), status },
        sys(4300),
      ),
    ];
    if (i % 7 === 0)
      life.push(
        ev(
          'CredentialSuspended',
          { credentialId: credential, reason: 'check', status },
          meta(t + 5000, `admin-${bodies[0]}`, 'institution-admin', bodies[0], corr),
        ),
      );
    if (i % 13 === 0)
      life.push(
        ev(
          'CredentialRevoked',
          { credentialId: credential, reason: 'misconduct', wasIssued: true, status },
          meta(t + 6000, `admin-${bodies[0]}`, 'institution-admin', bodies[0], corr),
        ),
      );
    await put('issuance', `issuance.credential-${credential}`, life);
    await put('verification', `verification.verification-v${i}`, [
      ev(
        'CredentialVerified',
        { verificationId: `v${i}`, credentialId: credential, verdict: 'valid', failedChecks: [], uncheckedChecks: [] },
        meta(t + 4500, 'anonymous', 'public', undefined, `verify-${i}`),
      ),
    ]);
    if (i % 1000 === 0) onProgress?.(written);
  }
  return written;
}

/** Opens one embedded store per audited service under `dataDir` (the layout the services use). */
export function openEmbeddedStores(dataDir: string): Record<StoreName, EventStore> {
  return Object.fromEntries(
    AUDITED.map((s) => [s, EmbeddedEventStore.open({ dataDir: join(dataDir, s), durability: 'normal' }) as EventStore]),
  ) as Record<StoreName, EventStore>;
}

/** An `Append` that writes new streams to the given stores. */
export const appendTo =
  (stores: Record<StoreName, EventStore>): Append =>
  async (store, streamId, events) => {
    await stores[store].appendToStream(streamId, events, { expectedRevision: NO_STREAM });
  };
