import type { DemoContext, DemoMember } from './demo-context';

interface CatalogueKey {
  custody: string;
  state: string;
}

/**
 * Gives a member a key the issuance service holds: issuance generates it and keeps the private half, the
 * alliance admin registers the public half in the catalogue, where issuance and verification learn it.
 * A member that already has a current issuance-held key (an earlier demo run) keeps it.
 */
export async function ensureIssuanceHeldKey(ctx: DemoContext, member: DemoMember, admin: string): Promise<'generated' | 'kept'> {
  const { catalogue, issuance } = ctx.clients;
  const { keys } = await catalogue.json<{ keys: CatalogueKey[] }>('GET', `/institutions/${member.id}`, { bearer: admin });
  if (keys.some((k) => k.custody === 'issuance-service' && k.state === 'active')) return 'kept';
  const generated = await issuance.json<{ publicKeyMultibase: string }>('POST', `/institutions/${member.id}/signing-keys`, { bearer: admin });
  await catalogue.json('POST', `/institutions/${member.id}/keys`, { bearer: admin, body: { publicKeyMultibase: generated.publicKeyMultibase, custody: 'issuance-service' } });
  return 'generated';
}

/** Every member gets its key before the definition is published, so no award ever waits for a signer. */
export async function ensureIssuanceHeldKeys(ctx: DemoContext, members: DemoMember[], admin: string): Promise<void> {
  let generated = 0;
  for (const member of members) if ((await ensureIssuanceHeldKey(ctx, member, admin)) === 'generated') generated++;
  const kept = members.length - generated;
  ctx.step(
    `issuance holds a signing key for each of the ${members.length} members (${[generated && `${generated} generated`, kept && `${kept} kept from an earlier run`].filter(Boolean).join(', ')}; public halves registered in the catalogue)`,
  );
}
