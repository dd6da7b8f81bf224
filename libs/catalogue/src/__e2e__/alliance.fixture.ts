import type { CatalogueApp } from './catalogue-app';
import { ECIU, publicKeyJwk } from './eciu.fixture';

export interface Alliance {
  ids: { aau: string; dcu: string; tuhh: string; ktu: string };
  admin: string;
  adminOf(id: string): Promise<string>;
}

/** Registers four ECIU members with one key each; returns their ids and the tokens to act with. */
export async function registerAlliance(svc: CatalogueApp): Promise<Alliance> {
  const admin = `Bearer ${await svc.token('alliance-admin')}`;
  const ids = {} as Alliance['ids'];
  for (const [key, profile] of Object.entries(ECIU)) {
    const res = await svc.http().post('/institutions').set('authorization', admin).send(profile);
    if (res.status !== 201) throw new Error(`registering ${profile.name}: ${res.status} ${res.text}`);
    ids[key as keyof Alliance['ids']] = res.body.id;
    await svc.http().post(`/institutions/${res.body.id}/keys`).set('authorization', admin).send({ publicKeyJwk: publicKeyJwk(), custody: 'issuance-service' });
  }
  return { ids, admin, adminOf: async (id) => `Bearer ${await svc.token('institution-admin', id, `admin@${id}`)}` };
}
