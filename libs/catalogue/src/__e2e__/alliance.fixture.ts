import { type Ed25519KeyPair, generateEd25519KeyPair } from '@alliance/credentials';
import { registerInstitutionKey } from '@alliance/testing';
import type { SuiteCatalogue } from './catalogue-suite.fixture';
import { ECIU } from './eciu.fixture';

type MemberKey = keyof typeof ECIU;

export interface Alliance {
  ids: Record<MemberKey, string>;
  /** The private halves of each member's `key-1`, as the member's own signer would hold them. */
  keyPairs: Record<MemberKey, Ed25519KeyPair>;
  admin: string;
  adminOf(id: string): Promise<string>;
}

/**
 * Registers four ECIU members (alliance-admin), each then activated by its own institution-admin registering
 * `key-1` with proof of possession; returns their ids, keys and the tokens to act with.
 */
export async function registerAlliance(svc: SuiteCatalogue): Promise<Alliance> {
  const admin = `Bearer ${await svc.token('alliance-admin')}`;
  const adminOf = async (id: string) => `Bearer ${await svc.token('institution-admin', id, `admin@${id}`)}`;
  const ids = {} as Alliance['ids'];
  const keyPairs = {} as Alliance['keyPairs'];
  for (const [key, profile] of Object.entries(ECIU) as [MemberKey, (typeof ECIU)[MemberKey]][]) {
    const res = await svc.http().post('/institutions').set('authorization', admin).send(profile);
    if (res.status !== 201) throw new Error(`registering ${profile.name}: ${res.status} ${res.text}`);
    ids[key] = res.body.id;
    keyPairs[key] = generateEd25519KeyPair();
    await registerInstitutionKey({
      catalogue: svc.http,
      institutionId: ids[key],
      token: await adminOf(ids[key]),
      keyId: 'key-1',
      keyPair: keyPairs[key],
      custody: 'issuance-service',
    });
  }
  return { ids, keyPairs, admin, adminOf };
}

/** Proposes the spec as the alliance-admin, then has each of `approvers` approve it as its own institution-admin. */
export async function proposeAndApprove(svc: SuiteCatalogue, alliance: Alliance, specId: string, approvers: string[]): Promise<void> {
  await svc.http().post(`/credential-specs/${specId}/propose`).set('authorization', alliance.admin);
  for (const institutionId of approvers)
    await svc
      .http()
      .post(`/credential-specs/${specId}/approvals`)
      .set('authorization', await alliance.adminOf(institutionId))
      .send({});
}
