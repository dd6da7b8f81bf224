import type { MembershipStatus } from '../../domain/knowledge/institution-snapshot';
import { IssuanceAggregates } from '../issuance-aggregates';

const CATALOGUE = { actor: { subject: 'catalogue', role: 'system' }, correlationId: 'seed' };

/** Issuance learns a member as the catalogue registers it (name, country, DID; pending if asked). */
export async function learnInstitution(
  aggregates: IssuanceAggregates,
  institutionId: string,
  profile: { name?: string; countryCode?: string; did?: string; initialStatus?: 'pending' } = {},
): Promise<void> {
  const { name = `Uni ${institutionId}`, countryCode = 'DK', did = `did:web:${institutionId}.example`, initialStatus } = profile;
  await aggregates.knownInstitution.handle(
    institutionId,
    {
      type: 'LearnInstitution',
      profile: {
        institutionId,
        name,
        countryCode,
        did,
        registeredAt: '2025-01-01T00:00:00.000Z',
        ...(initialStatus ? { initialStatus } : {}),
      },
    },
    CATALOGUE,
  );
}

/** Issuance learns a change of the member's standing, from `from` on. */
export async function learnStanding(
  aggregates: IssuanceAggregates,
  institutionId: string,
  status: MembershipStatus,
  from = '2026-01-02T00:00:00.000Z',
): Promise<void> {
  await aggregates.knownInstitution.handle(institutionId, { type: 'LearnMembershipStatus', institutionId, status, from }, CATALOGUE);
}
