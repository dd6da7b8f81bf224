import { defineProjection, type ProjectionContext, type RecordedEvent } from '@alliance/event-sourcing';
import type {
  CredentialDrafted,
  CredentialIssued,
  CredentialProofAdded,
  CredentialReinstated,
  CredentialRevoked,
  CredentialSuspended,
} from '../../domain/credential/credential.events';
import { ISSUANCE_AGGREGATES } from '../../application/issuance-aggregates';
import { CredentialProofRows, CredentialRows } from './credential-rows';

type Data<E extends { data: unknown }> = RecordedEvent<E['data']>;

async function update(
  e: RecordedEvent<{ credentialId: string }>,
  { em, entity }: ProjectionContext,
  changes: Record<string, unknown>,
): Promise<void> {
  await em.nativeUpdate(entity(CredentialRows), { credentialId: e.data.credentialId }, { ...changes, lastPosition: e.position });
}

/** Credentials as the API shows them; every handler is keyed so a replay leaves the same rows. */
export const credentialsProjection = defineProjection({
  name: 'issuance.credentials',
  version: 1,
  readModels: [CredentialRows, CredentialProofRows],
  streamPrefixes: [ISSUANCE_AGGREGATES.prefix.credential],
  handlers: {
    CredentialDrafted: async (e: Data<CredentialDrafted>, { em, entity }) => {
      const d = e.data;
      await em.upsert(entity(CredentialRows), {
        credentialId: d.credentialId,
        awardId: d.awardId,
        learnerId: d.learnerId,
        specId: d.specId,
        specVersion: d.specVersion,
        leadInstitutionId: d.awardingBodies.find((b) => b.lead)!.institutionId,
        awardingBodies: d.awardingBodies,
        lifecycle: 'collecting-proofs',
        cryptosuite: d.cryptosuite,
        statusListId: d.status.listId,
        statusIndex: d.status.index,
        awardedAt: d.awardedAt,
        draftedAt: e.metadata.occurredAt,
        issuedAt: null,
        hash: null,
        supersedes: d.supersedes ?? null,
        supersededBy: null,
        statusReason: null,
        document: d.document,
        lastPosition: e.position,
      });
    },
    CredentialProofAdded: async (e: Data<CredentialProofAdded>, ctx) => {
      const { credentialId, institutionId, verificationMethod, method, proof } = e.data;
      await ctx.em.upsert(ctx.entity(CredentialProofRows), {
        id: `${credentialId}:${institutionId}`,
        credentialId,
        institutionId,
        position: e.position,
        verificationMethod,
        method,
        proof,
      });
      await update(e, ctx, {});
    },
    CredentialIssued: async (e: Data<CredentialIssued>, ctx) =>
      update(e, ctx, { lifecycle: 'issued', issuedAt: e.data.issuedAt, hash: e.data.hash }),
    CredentialSuspended: async (e: Data<CredentialSuspended>, ctx) =>
      update(e, ctx, { lifecycle: 'suspended', statusReason: e.data.reason }),
    CredentialReinstated: async (e: Data<CredentialReinstated>, ctx) => update(e, ctx, { lifecycle: 'issued', statusReason: null }),
    CredentialRevoked: async (e: Data<CredentialRevoked>, ctx) =>
      update(e, ctx, {
        lifecycle: 'revoked',
        statusReason: e.data.reason,
        ...(e.data.supersededBy ? { supersededBy: e.data.supersededBy } : {}),
      }),
  },
});
