import type { KeyPossessionChallenge, KeyPossessionProof } from '@alliance/credentials';
import { registerInstitutionKey } from '@alliance/testing';
import type { DemoContext, DemoMember } from './demo-context';

interface CatalogueKey {
  keyId: string;
  custody: string;
  state: string;
}

interface HeldKey {
  publicKeyMultibase: string;
  proofOfPossession: KeyPossessionProof;
}

/**
 * Gives a member a key the issuance service holds, as a delegation its own institution-admin makes: the admin
 * asks the catalogue for a challenge, issuance generates the key and signs the challenge with it (the private
 * half never leaves issuance), the admin registers the public half with that proof, then lets issuance sign
 * automatically. A member that already has a current issuance-held key (an earlier demo run) keeps it.
 */
export async function ensureIssuanceHeldKey(ctx: DemoContext, member: DemoMember, admin: string): Promise<'generated' | 'kept'> {
  const { catalogue, issuance } = ctx.clients;
  const { keys } = await catalogue.json<{ keys: CatalogueKey[] }>('GET', `/institutions/${member.id}`, { bearer: admin });
  const ownAdmin = await ctx.token('institution-admin', member.id);
  const kept = keys.some((k) => k.custody === 'issuance-service' && k.state === 'active');
  if (!kept) {
    await registerInstitutionKey({
      catalogue: catalogue.baseUrl,
      institutionId: member.id,
      token: ownAdmin,
      keyId: nextKeyId(keys),
      custody: 'issuance-service',
      prove: (challenge: KeyPossessionChallenge) =>
        issuance.json<HeldKey>('POST', `/institutions/${member.id}/signing-keys`, { bearer: ownAdmin, body: { challenge } }),
    });
  }
  // Idempotent: an earlier run may have registered the key before this delegation was asked for.
  await issuance.json('PUT', `/institutions/${member.id}/signing-policy`, { bearer: ownAdmin, body: { policy: 'automatic' } });
  return kept ? 'kept' : 'generated';
}

function nextKeyId(keys: CatalogueKey[]): string {
  let n = keys.length + 1;
  while (keys.some((k) => k.keyId === `key-${n}`)) n++;
  return `key-${n}`;
}

/** Every member gets its key before the definition is drafted: until then it is pending and cannot award. */
export async function ensureIssuanceHeldKeys(ctx: DemoContext, members: DemoMember[], admin: string): Promise<void> {
  let generated = 0;
  for (const member of members) if ((await ensureIssuanceHeldKey(ctx, member, admin)) === 'generated') generated++;
  const kept = members.length - generated;
  ctx.step(
    `issuance holds a signing key for each of the ${members.length} members, delegated by each member's own admin (${[generated && `${generated} generated`, kept && `${kept} kept from an earlier run`].filter(Boolean).join(', ')}; public halves registered in the catalogue with proof of possession)`,
  );
}
